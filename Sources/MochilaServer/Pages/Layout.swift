import Credentials

/// The frame of every page: language switcher, header, footer with the ESCO notice.
enum Layout {
    static func page(title: String, language: Language, path: String, body: HTML) -> HTML {
        let switcher = Language.allCases.map { other -> HTML in
            other == language
                ? "<strong>\(other.nativeName)</strong>"
                : "<a href=\"\(path)?lang=\(other.rawValue)\" hreflang=\"\(other.rawValue)\" lang=\"\(other.rawValue)\">\(other.nativeName)</a>"
        }.joined(separator: " · ")
        return """
            <!doctype html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · Mochila</title>
            <style>\(HTML(unsafeMarkup: stylesheet))</style>
            </head>
            <body>
            <header><a class="brand" href="/?lang=\(language.rawValue)">Mochila</a>
            <span class="tagline">\(UIText.text("app.tagline", language))</span>
            <a href="/verify?lang=\(language.rawValue)">\(UIText.text("nav.verify", language))</a>
            <nav aria-label="idioma / language">\(switcher)</nav></header>
            <main>
            \(body)
            </main>
            <footer><p>\(UIText.text("esco.notice", language))</p></footer>
            </body>
            </html>
            """
    }

    static let stylesheet = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2327;background:#f6f7f7;line-height:1.5}
        header{background:#12355b;color:#fff;padding:.8rem 1.5rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:baseline}
        header a{color:#fff}.brand{font-weight:700;font-size:1.3rem;text-decoration:none}.tagline{flex:1;opacity:.85}
        nav strong{text-decoration:underline}main{max-width:60rem;margin:1.5rem auto;padding:0 1rem}
        section,article{background:#fff;border:1px solid #dcdcde;border-radius:8px;padding:1rem 1.5rem;margin-bottom:1.5rem}
        h1{margin-top:0}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dt{font-weight:600}dd{margin:0}
        .banner{padding:.8rem 1rem;border-radius:6px;font-weight:600;margin-bottom:1rem}
        .ok{background:#e6f4ea;color:#14532d;border:1px solid #86c49a}.bad{background:#fdecea;color:#7f1d1d;border:1px solid #e99a92}
        .checks li{list-style:none;padding:.35rem .6rem;margin:.25rem 0;border-left:6px solid #999;background:#fafafa;overflow-wrap:anywhere}
        .checks .passed{border-color:#2e7d32}.checks .failed{border-color:#c62828}.checks .unknown,.checks .skipped{border-color:#9e9e9e}
        textarea{width:100%;font-family:ui-monospace,monospace}button{font-size:1rem;padding:.4rem 1.2rem}
        .muted{color:#646970;font-size:.9rem}code{word-break:break-all}footer{text-align:center;color:#646970;font-size:.85rem;padding:1rem}
        """
}
