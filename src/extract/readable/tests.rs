//! Table-driven cases over small pages written for these tests (no page is copied from the
//! web): one row per kind of page furniture the stage must drop or article markup it must
//! read, and a `REGRESSION` group where every fixed bug adds a row.

use super::read;

/// One page and what its article must be.
struct Case {
    name: &'static str,
    html: &'static str,
    /// The whole article text, when the row pins it; `None` checks only `has`/`lacks`.
    text: Option<&'static str>,
    /// Substrings the article text must contain.
    has: &'static [&'static str],
    /// Substrings it must not contain.
    lacks: &'static [&'static str],
}

/// Two paragraphs long enough to score as an article.
macro_rules! story {
    () => {
        "<p>Ghana and Togo signed an agreement on the shared port at Lomé on Monday, after \
         three years of talks, officials from both countries said.</p>\
         <p>The deal, which still needs the approval of both parliaments, sets the fees, \
         the customs rules and the hours of the border post, the ministers said.</p>"
    };
}
const P1: &str = "Ghana and Togo signed an agreement on the shared port at Lomé on Monday, after three years of talks, officials from both countries said.";
const P2: &str = "The deal, which still needs the approval of both parliaments, sets the fees, the customs rules and the hours of the border post, the ministers said.";

const FURNITURE: &[Case] = &[
    Case {
        name: "nav_and_footer_dropped",
        html: concat!(
            "<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>",
            "<div class='wrap'><article>",
            story!(),
            "</article></div><footer><p>Copyright 2026 The Daily Example. All rights reserved, everywhere.</p></footer></body></html>"
        ),
        text: Some(concat!(
            "Ghana and Togo signed an agreement on the shared port at Lomé on Monday, after three years of talks, officials from both countries said.\n",
            "The deal, which still needs the approval of both parliaments, sets the fees, the customs rules and the hours of the border post, the ministers said."
        )),
        has: &[],
        lacks: &[],
    },
    Case {
        name: "comments_dropped",
        html: concat!(
            "<body><div id='story'>",
            story!(),
            "</div><div id='comments'><h3>12 comments</h3><div class='comment'><p>I have lived by that port for years, and nothing ever changes there, believe me.</p></div>",
            "<div class='comment'><p>Another deal, another promise, and the lorries will queue for days as they always have.</p></div></div></body>"
        ),
        text: None,
        has: &[P1, P2],
        lacks: &["comments", "believe me", "lorries"],
    },
    Case {
        name: "related_links_dropped",
        html: concat!(
            "<body><main><div class='article-body'>",
            story!(),
            "<div class='related-stories'><h4>Read more</h4><ul><li><a href='/a'>Togo opens a new road to Burkina Faso after years of delay</a></li>",
            "<li><a href='/b'>Ghana's cocoa harvest falls for the second year running</a></li></ul></div></div></main></body>"
        ),
        text: None,
        has: &[P1, P2],
        lacks: &["Read more", "cocoa"],
    },
    Case {
        name: "link_list_without_class_cleaned",
        html: concat!(
            "<body><div class='post'>",
            story!(),
            "<ul><li><a href='/a'>Togo opens a new road to Burkina Faso</a></li><li><a href='/b'>Ghana's cocoa harvest falls again</a></li>",
            "<li><a href='/c'>Benin and Nigeria reopen their border</a></li></ul></div></body>"
        ),
        text: None,
        has: &[P1, P2],
        lacks: &["cocoa", "Benin"],
    },
    Case {
        name: "cookie_banner_and_newsletter_dropped",
        html: concat!(
            "<body><div class='cookie-consent'><p>We use cookies to improve your experience on our site, to show you personalised content and to analyse traffic.</p>",
            "<button>Accept all</button></div><article>",
            story!(),
            "<div class='newsletter-signup'><p>Get the morning briefing in your inbox every day, free of charge, with the best of our journalism.</p></div>",
            "</article></body>"
        ),
        text: None,
        has: &[P1, P2],
        lacks: &["cookies", "Accept", "briefing"],
    },
    Case {
        name: "share_buttons_and_hidden_dropped",
        html: concat!(
            "<body><article><div class='share-tools'><a href='#'>Share on Facebook</a> <a href='#'>Share by email</a></div>",
            story!(),
            "<p hidden>This paragraph is hidden from readers and must never be shown in the article text.</p>",
            "<div style='display: none'>Neither is this one, which a script would reveal after a click somewhere.</div>",
            "<script>var share = 'Share on Twitter';</script><style>p { color: red }</style></article></body>"
        ),
        text: None,
        has: &[P1, P2],
        lacks: &["Share", "hidden", "Neither", "color"],
    },
    Case {
        name: "image_captions_dropped",
        html: concat!(
            "<body><article>",
            story!(),
            "<figure><img src='port.jpg'><figcaption>Lorries queue at the border post near Lomé (Photo: Example)</figcaption></figure>",
            "<div class='image-caption'>The port at dusk, seen from the harbour wall (Photo: Example)</div>",
            "</article></body>"
        ),
        text: None,
        has: &[P1, P2],
        lacks: &["Photo"],
    },
    Case {
        name: "aside_and_header_dropped",
        html: concat!(
            "<body><header><p>The Daily Example, the newspaper of record for the whole coast since 1901</p></header><article>",
            story!(),
            "<aside><p>Background: the port handles most of the transit trade of the landlocked countries to the north.</p></aside>",
            "</article></body>"
        ),
        text: None,
        has: &[P1, P2],
        lacks: &["newspaper of record", "Background"],
    },
];

const MARKUP: &[Case] = &[
    Case {
        name: "headings_kept_inside_article_headline_dropped",
        html: concat!(
            "<head><title>Port deal signed | The Daily Example</title><meta property='og:title' content='Port deal signed'></head>",
            "<body><article><h1>Port deal signed</h1><p>",
            "Ghana and Togo signed an agreement on the shared port at Lomé on Monday, after three years of talks, officials from both countries said.",
            "</p><h2>What changes at the border</h2><p>",
            "The deal, which still needs the approval of both parliaments, sets the fees, the customs rules and the hours of the border post, the ministers said.",
            "</p></article></body>"
        ),
        text: Some(concat!(
            "Ghana and Togo signed an agreement on the shared port at Lomé on Monday, after three years of talks, officials from both countries said.\n",
            "What changes at the border\n",
            "The deal, which still needs the approval of both parliaments, sets the fees, the customs rules and the hours of the border post, the ministers said."
        )),
        has: &[],
        lacks: &[],
    },
    Case {
        name: "br_separated_paragraphs",
        html: concat!(
            "<body><div class='menu'><a href='/'>Home</a></div><div class='entry'>",
            "Ghana and Togo signed an agreement on the shared port at Lomé on Monday, after three years of talks, officials from both countries said.<br><br>",
            "The deal, which still needs the approval of both parliaments, sets the fees, the customs rules and the hours of the border post, the ministers said.<br>",
            "</div></body>"
        ),
        text: Some(concat!(
            "Ghana and Togo signed an agreement on the shared port at Lomé on Monday, after three years of talks, officials from both countries said.\n",
            "The deal, which still needs the approval of both parliaments, sets the fees, the customs rules and the hours of the border post, the ministers said."
        )),
        has: &[],
        lacks: &[],
    },
    Case {
        name: "list_inside_article_kept_one_item_a_line",
        html: concat!(
            "<body><article>",
            story!(),
            "<p>The agreement covers, among other things:</p><ul><li>the fees for lorries, by weight</li><li>the opening hours of the border post</li></ul>",
            "</article></body>"
        ),
        text: None,
        has: &[P1, P2, "\nthe fees for lorries, by weight\nthe opening hours of the border post"],
        lacks: &[],
    },
    Case {
        name: "no_article_markup",
        html: concat!(
            "<body><div id='top'><a href='/'>Home</a> | <a href='/news'>News</a> | <a href='/contact'>Contact</a></div>",
            "<table><tr><td width='600'>",
            story!(),
            "</td><td><a href='/x'>Most read today</a><br><a href='/y'>Weather for the week</a></td></tr></table></body>"
        ),
        text: None,
        has: &[P1, P2],
        lacks: &["Home", "Most read", "Weather"],
    },
    Case {
        name: "entities_decoded_whitespace_collapsed",
        html: "<body><article><p>Ministers&nbsp;said   the fee is &euro;40 &amp; the &ldquo;new rules&rdquo; start\n in June, &#8212; so traders should get ready for a busy week of checks.</p></article></body>",
        text: Some("Ministers said the fee is €40 & the “new rules” start in June, — so traders should get ready for a busy week of checks."),
        has: &[],
        lacks: &[],
    },
    Case {
        name: "itemprop_article_body_preferred",
        html: concat!(
            "<body><div><div class='teaser'><p>Elsewhere: the long story of a small fishing town, told by the people who stayed there when everybody else left.</p></div>",
            "<div itemprop='articleBody'>",
            story!(),
            "</div></div></body>"
        ),
        text: None,
        has: &[P1, P2],
        lacks: &["fishing town"],
    },
];

const JSON_LD: &[Case] = &[
    Case {
        name: "json_ld_article_body_wins_over_longer_comments",
        html: concat!(
            "<head><script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",",
            "\"headline\":\"Port deal signed\",\"articleBody\":\"Ghana and Togo signed an agreement on the shared port at Lomé on Monday, ",
            "after three years of talks, officials from both countries said. The deal, which still needs the approval of both parliaments, ",
            "sets the fees, the customs rules and the hours of the border post, the ministers said.\"}</script></head><body>",
            "<div class='x1'>",
            story!(),
            "</div><div class='x2'><p>Reader one: I have lived by that port for years, and nothing ever changes, believe me, nothing at all.</p>",
            "<p>Reader two: another deal, another promise, and the lorries will queue for days, as they always have, and always will.</p>",
            "<p>Reader three: I would wait for the parliaments, frankly, before anyone celebrates anything, because it has happened before.</p></div></body>"
        ),
        text: None,
        has: &[P1, P2],
        lacks: &["Reader"],
    },
    Case {
        name: "json_ld_body_used_when_the_tree_gives_little",
        html: concat!(
            "<head><script type='application/ld+json'>[{\"@type\":\"WebPage\"},{\"@type\":\"NewsArticle\",\"articleBody\":\"",
            "Ghana and Togo signed an agreement on the shared port at Lomé on Monday, after three years of talks, officials from both countries said. ",
            "The deal, which still needs the approval of both parliaments, sets the fees, the customs rules and the hours of the border post, the ministers said. ",
            "Traders at the border welcomed the news but said they would wait to see the new hours in practice before changing their plans.",
            "\"}]</script></head><body><div class='story-footer'><p>Ghana and Togo signed an agreement on the shared port at Lomé on Monday, after three years of talks, officials from both countries said.</p>",
            "<span>The deal, which still needs the approval of both parliaments, sets the fees, the customs rules and the hours of the border post, the ministers said. ",
            "Traders at the border welcomed the news but said they would wait to see the new hours in practice before changing their plans.</span></div></body>"
        ),
        text: None,
        has: &[P1, P2, "Traders at the border welcomed"],
        lacks: &[],
    },
    Case {
        name: "json_ld_body_not_shown_on_the_page_is_ignored",
        html: concat!(
            "<head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"articleBody\":\"",
            "An entirely different text that the page never shows, written only for machines, about a different subject altogether. ",
            "It goes on for a while so that it is long enough to count as an article body, and longer than the visible article, ",
            "which it must not replace, because a reader of the page never sees a word of it, however long it is or how well it reads.",
            "\"}</script></head><body><article>",
            story!(),
            "</article></body>"
        ),
        text: None,
        has: &[P1, P2],
        lacks: &["different text"],
    },
];

/// Lines of links: dropped at the article's edges (teasers, "You may also like"), kept inside it.
const LINK_LINES: &[Case] = &[Case {
    name: "teaser_links_at_the_end_dropped_links_inside_kept",
    html: concat!(
        "<body><div class='entry'><p><a href='/deals'>All of this week's port fees</a></p>",
        "<p>Ghana and Togo signed an agreement on the shared port at Lomé on Monday, after three years of talks, officials from both countries said.</p>",
        "<p><a href='/fees'>The new table of fees for lorries</a></p>",
        "<p>The deal, which still needs the approval of both parliaments, sets the fees, the customs rules and the hours of the border post, the ministers said.</p>",
        "<div><a href='/x'>You may also like...</a></div><div><a href='/y'>Cocoa prices rise again in the capital</a></div></div></body>"
    ),
    text: Some(concat!(
        "Ghana and Togo signed an agreement on the shared port at Lomé on Monday, after three years of talks, officials from both countries said.\n",
        "The new table of fees for lorries\n",
        "The deal, which still needs the approval of both parliaments, sets the fees, the customs rules and the hours of the border post, the ministers said."
    )),
    has: &[],
    lacks: &[],
}];

/// Bugs fixed, one row each.
const REGRESSION: &[Case] = &[
Case {
    name: "named_references_longest_match_and_legacy_names",
    html: "<p>&notin; &notit; &AMP; &copy 2026 &Aacute;frica &amp;c &nbsp;&hellip; &NotNestedGreaterGreater; &bogus;</p>",
    text: Some("∉ ¬it; & © 2026 África &c … ⪢̸ &bogus;"),
    has: &[],
    lacks: &[],
},
Case {
    name: "empty_and_text_only_pages",
    html: "just some words, no tags",
    text: Some("just some words, no tags"),
    has: &[],
    lacks: &[],
},
];

fn check(cases: &[Case]) {
    for c in cases {
        let got = read(c.html).text;
        if let Some(want) = c.text {
            assert_eq!(got, want, "{}", c.name);
        }
        for h in c.has {
            assert!(got.contains(h), "{}: missing {h:?} in\n{got}", c.name);
        }
        for l in c.lacks {
            assert!(!got.contains(l), "{}: kept {l:?} in\n{got}", c.name);
        }
        assert!(
            !got.contains("\n\n") && got.lines().all(|l| l == l.trim() && !l.contains("  ")),
            "{}",
            c.name
        );
    }
}

#[test]
fn furniture_is_dropped() {
    check(FURNITURE);
}

#[test]
fn article_markup_is_read() {
    check(MARKUP);
}

#[test]
fn json_ld_is_a_signal_checked_against_the_page() {
    check(JSON_LD);
}

#[test]
fn link_lines_at_the_edges_are_dropped() {
    check(LINK_LINES);
}

#[test]
fn regression() {
    check(REGRESSION);
}

/// A page's metadata and what must be read from it.
struct Meta {
    name: &'static str,
    html: &'static str,
    title: &'static str,
    byline: &'static str,
    date: &'static str,
    site: &'static str,
}

const METADATA: &[Meta] = &[
    Meta {
        name: "open_graph_and_article_meta",
        html: "<head><title>Port deal | Example</title><meta property='og:title' content='Port deal signed'>\
               <meta name='author' content='Ama Mensah'><meta property='article:published_time' content='2026-03-02T09:00:00Z'>\
               <meta property='og:site_name' content='The Daily Example'></head><body><p>x</p></body>",
        title: "Port deal signed",
        byline: "Ama Mensah",
        date: "2026-03-02T09:00:00Z",
        site: "The Daily Example",
    },
    Meta {
        name: "json_ld_graph",
        html: "<head><title>T</title><script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"Organization\",\"name\":\"O\"},\
               {\"@type\":[\"NewsArticle\"],\"headline\":\"Port deal signed\",\"datePublished\":\"2026-03-02\",\
               \"author\":[{\"@type\":\"Person\",\"name\":\"Ama Mensah\"},{\"name\":\"Kofi Owusu\"}],\
               \"publisher\":{\"@type\":\"Organization\",\"name\":\"The Daily Example\"}}]}</script></head>",
        title: "Port deal signed",
        byline: "Ama Mensah, Kofi Owusu",
        date: "2026-03-02",
        site: "The Daily Example",
    },
    Meta {
        name: "site_name_cut_from_the_title",
        html: "<title>Ghana and Togo sign port deal | The Daily Example</title><title>Second</title>",
        title: "Ghana and Togo sign port deal",
        byline: "",
        date: "",
        site: "",
    },
    Meta {
        name: "short_title_part_kept_whole",
        html: "<title>Live - Port talks</title>",
        title: "Live - Port talks",
        byline: "",
        date: "",
        site: "",
    },
    Meta {
        name: "title_and_time_only",
        html: "<title> Port deal signed </title><body><time datetime='2026-03-02'>2 March</time></body>",
        title: "Port deal signed",
        byline: "",
        date: "2026-03-02",
        site: "",
    },
    Meta {
        name: "author_url_ignored_bad_json_ignored",
        html: "<meta property='article:author' content='https://example.com/ama'>\
               <script type='application/ld+json'>{not json</script><title>T</title>",
        title: "T",
        byline: "",
        date: "",
        site: "",
    },
];

/// Headline, byline, date and site, by where the page gives them.
#[test]
fn metadata() {
    for r in METADATA {
        let a = read(r.html);
        assert_eq!(
            (a.title.as_str(), a.byline.as_str(), a.date.as_str(), a.site.as_str()),
            (r.title, r.byline, r.date, r.site),
            "{}",
            r.name
        );
    }
}

/// Any input gives an article without panicking, and its lines are tidy.
#[test]
fn robust_on_broken_markup() {
    let pages = [
        "",
        "<",
        "</p></div></body>",
        "<p>unclosed <b>bold <i>both</p> after",
        "<div><div><div><p>deep",
        "<script>never closed",
        "<!-- never closed",
        "<table><td>cell<td>cell</table>",
        "<svg><p>in svg</p></svg><p>after the figure, a sentence.</p>",
    ];
    for p in pages {
        let t = read(p).text;
        assert!(!t.contains("\n\n") && !t.starts_with(' '), "{p:?}");
    }
    let deep = "<div>".repeat(20_000) + "<p>the deepest paragraph of all, with words</p>";
    assert!(read(&deep).text.contains("deepest"));
}

/// A character reference as written and the text it must read as: the WHATWG tokenizer's rules
/// (html5gum's), not a table of our own.
const ENTITIES: &[(&str, &str, &str)] = &[
    ("common_named", "a&nbsp;b &amp; c &lt;d&gt; &quot;e&quot; &apos;f&apos;", "a b & c <d> \"e\" 'f'"),
    (
        "typographic_quotes_and_dashes",
        "&lsquo;x&rsquo; &ldquo;y&rdquo; 1&ndash;2 &mdash; &hellip;",
        "‘x’ “y” 1–2 — …",
    ),
    (
        "latin1_letters",
        "&Aacute;frica Bogot&aacute; S&atilde;o Paulo Z&uuml;rich &szlig; &Ccedil;a",
        "África Bogotá São Paulo Zürich ß Ça",
    ),
    ("legacy_names_need_no_semicolon", "&copy 2026 &amp more &eacutex", "© 2026 & more éx"),
    ("longest_match_wins", "&notin; &notit; &not", "∉ ¬it; ¬"),
    ("names_are_case_sensitive", "&AMP; &Amp; &amp;", "& &Amp; &"),
    ("numeric_decimal_and_hex", "&#8212; &#x2014; &#X2019; &#38;", "— — ’ &"),
    ("numeric_windows_1252_remapped", "&#150; &#147;q&#148;", "– “q”"),
    ("numeric_out_of_range_replaced", "&#0; &#x110000; &#xD800;", "\u{fffd} \u{fffd} \u{fffd}"),
    ("unknown_names_stay_as_written", "&bogus; &; & alone &#; &#x;", "&bogus; &; & alone &#; &#x;"),
    ("two_code_point_reference", "&NotNestedGreaterGreater;", "\u{2aa2}\u{338}"),
    ("decoded_once_only", "&amp;lt; &amp;amp;", "&lt; &amp;"),
];

/// Character references in text, table-driven (made-up fragments inside one paragraph).
#[test]
fn character_references_decode_as_whatwg_says() {
    for (name, written, want) in ENTITIES {
        let page = format!("<body><article><p>{written}</p></article></body>");
        assert_eq!(read(&page).text, *want, "{name}");
    }
}

/// References in attribute values and in `title` (RCDATA) decode too; in an attribute a legacy
/// name followed by `=` or a letter stays as written (WHATWG's rule for URLs like `?a=1&copy=2`).
#[test]
fn character_references_in_attributes_and_title() {
    let rows = [
        (
            "<meta property='og:title' content='Ports &amp; borders&hellip; a deal'>",
            "Ports & borders… a deal",
        ),
        ("<meta property='og:title' content='a&copy=b &copy c'>", "a&copy=b © c"),
        ("<title>Ports &amp; borders&#8217; deal</title>", "Ports & borders’ deal"),
    ];
    for (head, title) in rows {
        assert_eq!(read(&format!("<head>{head}</head><body><p>x</p></body>")).title, title, "{head}");
    }
}
