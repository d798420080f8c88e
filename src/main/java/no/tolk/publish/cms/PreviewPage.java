package no.tolk.publish.cms;

import java.util.Locale;
import java.util.Map;
import no.tolk.article.Article;
import no.tolk.article.Image;

/**
 * A self-contained HTML page of one language version, readable straight from disk, with
 * {@code hreflang} alternates and a visible switcher to its translation. All text is escaped.
 */
public final class PreviewPage {

    static final String STYLE = """
            body{font-family:Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.55;color:#222}
            nav.languages{font-family:sans-serif;font-size:.9rem;margin-bottom:1.5rem}
            nav.languages [aria-current]{font-weight:bold}
            .lead{font-size:1.15rem;font-weight:bold}
            .byline,.caption,figcaption{color:#555;font-size:.9rem}
            blockquote{border-left:3px solid #999;margin-left:0;padding-left:1rem;font-style:italic}
            ul.tags{list-style:none;padding:0}ul.tags li{display:inline;margin-right:.5rem}
            img{max-width:100%}
            """;

    private PreviewPage() {
    }

    /**
     * @param selfHref this page's own relative address
     * @param alternates the translations' relative addresses by language code, in switcher order; empty when none
     */
    public static String render(Article article, String language, String selfHref, Map<String, String> alternates) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n");
        html.append("<html lang=\"").append(esc(language)).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(article.title())).append("</title>\n")
                .append(alternate(language, selfHref));
        alternates.forEach((other, href) -> html.append(alternate(other, href)));
        html.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<nav class=\"languages\"><span lang=\"").append(esc(language)).append("\" aria-current=\"page\">")
                .append(esc(Language.label(language))).append("</span>");
        alternates.forEach((other, href) -> html.append(" | <a href=\"").append(esc(href)).append("\" hreflang=\"")
                .append(esc(other)).append("\" lang=\"").append(esc(other)).append("\" rel=\"alternate\">")
                .append(esc(Language.label(other))).append("</a>"));
        html.append("</nav>\n<article>\n<h1>").append(esc(article.title())).append("</h1>\n");
        byline(html, article);
        if (article.lead() != null && !article.lead().isBlank()) {
            html.append("<p class=\"lead\">").append(esc(article.lead())).append("</p>\n");
        }
        article.images().stream().findFirst().ifPresent(image -> figure(html, image));
        html.append(BodyHtml.render(article.blocks()));
        if (!article.tags().isEmpty()) {
            html.append("<ul class=\"tags\">");
            article.tags().forEach(tag -> html.append("<li>").append(esc(tag)).append("</li>"));
            html.append("</ul>\n");
        }
        html.append("</article>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String alternate(String language, String href) {
        return "<link rel=\"alternate\" hreflang=\"" + esc(language) + "\" href=\"" + esc(href) + "\">\n";
    }

    private static void byline(StringBuilder html, Article article) {
        boolean hasAuthor = article.author() != null && !article.author().isBlank();
        if (!hasAuthor && article.published() == null) return;
        html.append("<p class=\"byline\">");
        if (hasAuthor) html.append(esc(article.author()));
        if (hasAuthor && article.published() != null) html.append(" · ");
        if (article.published() != null) {
            html.append("<time datetime=\"").append(article.published()).append("\">").append(article.published()).append("</time>");
        }
        html.append("</p>\n");
    }

    private static void figure(StringBuilder html, Image image) {
        html.append("<figure>");
        if (isWebAddress(image.source())) {
            html.append("<img src=\"").append(esc(image.source())).append("\" alt=\"").append(esc(image.alt())).append("\">");
        }
        if (image.caption() != null || image.credit() != null) {
            html.append("<figcaption>");
            if (image.caption() != null) html.append(esc(image.caption()));
            if (image.credit() != null) html.append(" <span class=\"credit\">").append(esc(image.credit())).append("</span>");
            html.append("</figcaption>");
        }
        html.append("</figure>\n");
    }

    static boolean isWebAddress(String source) {
        if (source == null) return false;
        String lower = source.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    private static String esc(String text) {
        return BodyHtml.escape(text);
    }
}
