#!/usr/bin/env python3
"""Drives the node's pages in a real browser (Debian's chromium and chromium-driver), as a
person would, in Spanish and English: the first page, a credential's page, and /verify with a
pasted credential, a tampered one and an uploaded baked badge.

Run from the repository root after `swift build`; it starts its own node on a scratch folder.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT = 18181
BASE = f"http://127.0.0.1:{PORT}"
failures = []


def click_and_wait(element):
    """Clicks a link or a submit button and waits until the next page has replaced this one."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 30).until(expected_conditions.staleness_of(old))
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def expect(condition, what):
    print(("  ok   " if condition else "  FAIL ") + what)
    if not condition:
        failures.append(what)


data = tempfile.mkdtemp(prefix="mochila-browser-")
binary = os.path.join(ROOT, ".build", "debug", "mochila")
server = subprocess.Popen(
    [binary, "serve", "--demo", "--offline", "--port", str(PORT), "--data", data],
    stdout=subprocess.DEVNULL, stderr=open(os.path.join(data, "server.log"), "w"), start_new_session=True)
driver = None
try:
    for _ in range(120):
        try:
            urllib.request.urlopen(BASE + "/health", timeout=2)
            break
        except Exception:
            time.sleep(0.5)
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=es"]:
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)

    print("first page")
    driver.get(BASE + "/?lang=es")
    expect("Credenciales emitidas recientemente" in driver.page_source, "the first page lists recent credentials, in Spanish")
    links = driver.find_elements(By.CSS_SELECTOR, "table a[href^='/credentials/']")
    expect(len(links) >= 10, f"the demo's credentials are listed ({len(links)})")
    learner = links[0].text
    click_and_wait(links[0])

    print("a credential's page")
    expect("Credencial verificada" in driver.page_source, "the credential's page shows it verified")
    expect(learner in driver.page_source, f"and names the learner ({learner})")
    expect(len(driver.find_elements(By.CSS_SELECTOR, ".checks li.passed")) >= 4, "with a green line per passed check")
    credential_url = driver.current_url.split("?")[0]
    click_and_wait(driver.find_element(By.LINK_TEXT, "English"))
    expect("Credential verified" in driver.page_source, "the page switches to English")
    award = credential_url.rsplit("/", 1)[1]
    credential = urllib.request.urlopen(f"{BASE}/api/v1/credentials/{award}").read().decode("utf-8")

    def submit_pasted(text, lang):
        driver.get(f"{BASE}/verify?lang={lang}")
        area = driver.find_element(By.ID, "credential")
        driver.execute_script("arguments[0].value = arguments[1];", area, text)
        click_and_wait(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))

    print("/verify")
    submit_pasted(credential, "es")
    expect("Credencial verificada" in driver.page_source, "a pasted credential verifies")
    tampered = json.loads(credential)
    tampered["credentialSubject"]["name"] = "Otra Persona"
    submit_pasted(json.dumps(tampered, ensure_ascii=False), "es")
    expect("La credencial no pudo verificarse" in driver.page_source, "a tampered credential does not")
    failed = [li.text for li in driver.find_elements(By.CSS_SELECTOR, ".checks li.failed")]
    expect(any("Firma" in line for line in failed), f"and the proof line is red ({failed[:1]})")

    driver.get(f"{BASE}/verify?lang=en")
    badge = os.path.join(ROOT, "Tests", "MochilaServerTests", "Fixtures", "simple-json.svg")
    driver.find_element(By.ID, "file").send_keys(badge)
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    page = driver.page_source
    expect("Teamwork" in page or "Badge" in page, "an uploaded SVG badge is read")
    expect("The credential could not be verified" in page, "and, its issuer's key being out of reach offline, not verified")
    expect(len(driver.find_elements(By.CSS_SELECTOR, ".checks li.unknown")) >= 1, "with a grey line for what could not be told")
    if os.environ.get("MOCHILA_SCREENSHOTS"):
        driver.save_screenshot(os.path.join(os.environ["MOCHILA_SCREENSHOTS"], "verify-badge.png"))
finally:
    if driver:
        driver.quit()
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)
    shutil.rmtree(data, ignore_errors=True)

if failures:
    sys.exit("browser tests: FAILED:\n  - " + "\n  - ".join(failures))
print("browser tests: all passed")
