import Credentials

/// The frame of every page: language switcher, header, footer with the ESCO notice.
enum Layout {
    static func page(title: String, language: Language, path: String, body: HTML) -> HTML {
        let switcher = Language.allCases.map { other -> HTML in
            other == language
                ? "<strong>\(other.nativeName)</strong>"
                : "<a href=\"\(path)\(path.contains("?") ? "&" : "?")lang=\(other.rawValue)\" hreflang=\"\(other.rawValue)\" lang=\"\(other.rawValue)\">\(other.nativeName)</a>"
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
            <a href="/catalogue?lang=\(language.rawValue)">\(UIText.text("nav.catalogue", language))</a>
            <a href="/registry?lang=\(language.rawValue)">\(UIText.text("nav.network", language))</a>
            <a href="/mochila?lang=\(language.rawValue)">\(UIText.text("nav.backpack", language))</a>
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
        label{display:block;margin:.5rem 0;font-weight:600}label input,label select,label textarea{display:block;width:100%;box-sizing:border-box;font:inherit;font-weight:400;padding:.35rem;margin-top:.2rem}label input[type=checkbox],label input[type=radio]{display:inline;width:auto;margin:0 .4rem 0 0}
        fieldset{border:1px solid #dcdcde;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}legend{font-weight:700;padding:0 .3rem}
        fieldset.outcome{background:#fafafa}.row{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end}.row label{flex:1;min-width:12rem}
        .search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end}.search label{flex:1;min-width:14rem;margin:0}.search p{flex-basis:100%;margin:0}
        ul.plain{padding-left:0}ul.plain li{list-style:none;margin:.2rem 0}button.small{font-size:.85rem;padding:.15rem .6rem}
        button.primary,a.button{background:#12355b;color:#fff;border:1px solid #12355b;border-radius:4px;text-decoration:none;padding:.4rem 1.2rem;display:inline-block}
        .default-action{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
        nav.console{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center;background:#fff;border:1px solid #dcdcde;border-radius:8px;padding:.6rem 1rem;margin-bottom:1.5rem}
        nav.console a[aria-current]{font-weight:700;text-decoration:none;color:#1d2327}.who{display:flex;justify-content:flex-end;gap:1rem;color:#646970;font-size:.9rem;margin:-.8rem 0 .4rem}
        form.inline{display:inline}button.link{background:none;border:none;color:#2271b1;text-decoration:underline;cursor:pointer;padding:0;font:inherit}
        .state{padding:.1rem .5rem;border-radius:4px;font-size:.85rem}.state.active{background:#e6f4ea}.state.revoked{background:#fdecea}
        .state.suspended{background:#fff4e5}.state.expired{background:#eee}.note{background:#eef4fb;color:#12355b;border:1px solid #a8c4e5}
        .narrow{max-width:26rem;margin:0 auto}pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.8rem;background:#fafafa;padding:.5rem}
        progress{width:100%;height:1.5rem}details.section{background:#fff;border:1px solid #dcdcde;border-radius:8px;padding:1rem 1.5rem;margin-bottom:1.5rem}
        .results{border-left:4px solid #2271b1;padding-left:.8rem;margin:.5rem 0}.actions form{margin-bottom:1rem}
        p.qr img{display:block;width:10rem;height:10rem}
        @media (max-width:40rem){dl{grid-template-columns:1fr}dt{margin-top:.4rem}header{padding:.6rem 1rem}section,article{padding:.8rem 1rem}}
        @media print{body{background:#fff;font-size:11pt}header nav,nav.console,.who,form,button,footer,.default-action{display:none}
        header{background:none;color:#000;padding:0 0 .5rem;border-bottom:1px solid #000}header a{color:#000}
        main{max-width:none;margin:0;padding:0}section,article{border:none;padding:0;margin:0 0 1rem;break-inside:avoid-page}
        a{color:#000;text-decoration:none}.banner{border:1px solid #000}.checks li{break-inside:avoid}}
        """
}
