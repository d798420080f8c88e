package no.tolk.publish.cms;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The last gate before HTML leaves Tolk for a CMS: only text formatting, lists, quotes, images
 * and http(s)/mailto links survive. Scripts, event handlers, {@code javascript:} URLs, iframes,
 * styles and forms are removed, whatever produced the HTML.
 */
public final class PostHtml {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeTags("table", "caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr")
            .addTags("figure", "figcaption", "time")
            .addAttributes("a", "hreflang", "lang", "rel")
            .addAttributes("p", "class")
            .addAttributes("span", "class", "lang")
            .addAttributes("time", "datetime")
            .removeProtocols("a", "href", "ftp");

    private PostHtml() {
    }

    public static String sanitise(String html) {
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", SAFELIST, output);
    }
}
