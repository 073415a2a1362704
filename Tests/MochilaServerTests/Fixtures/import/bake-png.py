"""Bakes 1EdTech's simple.json into a PNG with Pillow (another implementation than Mochila's
baker): the OB 3.0 way, an uncompressed iTXt chunk with keyword "openbadgecredential".
Run from this folder: python3 bake-png.py"""
from PIL import Image
from PIL.PngImagePlugin import PngInfo

with open("ob30-simple.json", encoding="utf-8", newline="") as source:  # CRLF kept, byte for byte
    credential = source.read()
image = Image.new("RGB", (32, 32), (0, 84, 147))
info = PngInfo()
info.add_itxt("openbadgecredential", credential, lang="", tkey="", zip=False)
image.save("ob30-simple-pillow.png", pnginfo=info)
