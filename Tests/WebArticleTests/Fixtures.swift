/// Hand-written pages in the layouts the reader meets on the web.
enum Fixtures {
    /// A classic `<article>` page with every kind of furniture around the story.
    static let classicArticle = """
        <!doctype html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <title>Harbour bridge reopens after repairs | The Tidewater Gazette</title>
          <meta property="og:site_name" content="The Tidewater Gazette">
          <meta property="article:published_time" content="2024-03-05T23:10:00-05:00">
          <link rel="canonical" href="/news/harbour-bridge-reopens">
        </head>
        <body>
          <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
          <header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
          <main>
            <article>
              <h1>Harbour bridge reopens after repairs</h1>
              <div class="byline">By Mara Quill</div>
              <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
              <p>The harbour bridge reopened to traffic on Tuesday morning, three months after engineers closed it to replace corroded cables.</p>
              <figure><img src="bridge.jpg"><figcaption>The bridge at dawn, seen from the east quay.</figcaption></figure>
              <p>Commuters, who had faced detours of up to forty minutes, welcomed the news, although some said the toll increase was steep.</p>
              <h2>What changed</h2>
              <p>Crews replaced all sixty-four suspension cables, repainted the towers, and installed new sensors to watch for strain.</p>
              <aside class="newsletter-signup"><p>Get the morning briefing in your inbox every day, free of charge.</p></aside>
              <p>The city council said the work came in under budget, a rare outcome for a project of this size.</p>
              <div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Ferry timetable changes for the spring season</a></li><li><a href="/b">Council approves new cycle lanes along the quay</a></li></ul></div>
            </article>
            <section id="comments"><h3>Comments</h3><p>Finally! I have been waiting for this for months, and the detour was awful.</p></section>
          </main>
          <footer><p>Copyright 2024 The Tidewater Gazette. All rights reserved. Contact us for licensing.</p></footer>
        </body>
        </html>
        """

    /// The paragraphs the classic page should yield.
    static let classicArticleText = """
        The harbour bridge reopened to traffic on Tuesday morning, three months after engineers closed it to replace corroded cables.

        Commuters, who had faced detours of up to forty minutes, welcomed the news, although some said the toll increase was steep.

        What changed

        Crews replaced all sixty-four suspension cables, repainted the towers, and installed new sensors to watch for strain.

        The city council said the work came in under budget, a rare outcome for a project of this size.
        """

    /// No semantic tags at all: the story is a run of paragraphs in `div.content`.
    static let divSoup = """
        <html><head><title>Orchard growers brace for late frost - Valley Courier</title></head><body>
        <div id="top"><div class="menu"><a href="/">Home</a> | <a href="/farm">Farming</a> | <a href="/weather">Weather</a></div></div>
        <div class="wrapper">
          <div class="left-col"><div class="links"><a href="/1">Most read: tractor auction sets record</a><br><a href="/2">Most read: county fair dates</a></div></div>
          <div class="content">
            <div class="headline">Orchard growers brace for late frost</div>
            <p>Fruit growers across the valley spent the weekend preparing wind machines and heaters, as forecasters warned of a hard frost.</p>
            <p>Blossoms on early apple varieties are already open, which leaves them exposed, said one grower, who farms forty acres.</p>
            <p>Temperatures are expected to drop below freezing on Wednesday night, before recovering, slowly, by the weekend.</p>
            <div class="ad-slot">Advertisement</div>
          </div>
        </div>
        <div class="bottom-links"><a href="/about">About us</a> <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></div>
        </body></html>
        """

    /// A story whose JSON-LD carries only the first paragraph of the body.
    static let partialLinkedData = """
        <html lang="de"><head>
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "name": "Nordkurier Test"},
          {"@type": ["NewsArticle"], "headline": "Library extends opening hours",
           "datePublished": "2023-11-30T08:00:00+01:00",
           "author": [{"@type": "Person", "name": "Jonas Feld"}, {"@type": "Person", "name": "Ida Brenner"}],
           "publisher": {"@type": "Organization", "name": "Nordkurier Test"},
           "articleBody": "The central library will open until ten in the evening on weekdays, starting in January."}
        ]}
        </script>
        </head><body>
        <div class="page"><div class="story">
          <p>The central library will open until ten in the evening on weekdays, starting in January.</p>
          <p>The change follows a survey in which students, shift workers and parents asked for later hours.</p>
          <p>Staffing will come from a reorganised rota rather than new hires, the director said on Monday.</p>
        </div>
        <div class="teasers"><a href="/x">Swimming pool closes for a week of maintenance work</a></div></div>
        </body></html>
        """

    /// Old-style text with paragraphs separated by two line breaks.
    static let lineBreaks = """
        <html><head><title>Notes from the lighthouse</title></head><body>
        <table><tr><td class="nav"><a href="/">Index</a><br><a href="/log">Log</a></td>
        <td class="main">
        The storm arrived after midnight, with gusts strong enough to rattle the lantern room windows.<br><br>
        By dawn the wind had dropped, and the keeper walked the rocks to check the foghorn, which had failed twice.<br>
        It was working again by noon.<br><br>
        Supplies are due on Friday, weather permitting, along with the new batteries for the radio.
        </td></tr></table>
        </body></html>
        """
}
