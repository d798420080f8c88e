package no.tolk.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import no.tolk.extract.MainTextStories.Story;

/**
 * Generates the main-text benchmark: every story of {@link MainTextStories} dressed in many page shapes
 * (WordPress themes, Drupal, government and municipality sites, press-release services, newspapers with
 * teasers and paywalls, Ghost-like blogs, {@code <br>} blogs, table layouts, pages without article/main,
 * articles inside aside/noscript, comment sections) with varied class names and chrome vocabularies. Each
 * page gets snippets that must appear in the article text (from the story) and snippets that must not (the
 * chrome), as in the ScrapingHub article-extraction benchmark and trafilatura's evaluation.
 *
 * <p>Run {@code main} to rewrite {@code src/test/resources/maintext/} (pages and {@code snippets.tsv}:
 * file, {@code +} or {@code -}, snippet); the test reads the committed files.
 */
final class MainTextPages {

    static final Path DIR = Path.of("src/test/resources/maintext");

    record Page(String file, String shape, Story story, String html, List<String> must, List<String> mustNot) {
    }

    /** Page chrome in one language. */
    record Chrome(String lang, List<String> nav, String skip, String related, String cookie, String accept,
                  String newsletterHead, String newsletterText, String org, String address, String contact,
                  String commentsHead, List<String> comments, String commentCount, String share, String tags,
                  String readingTime, String bio, String paywall, String prev, String next, String copyright,
                  String by, String published, String popular, String feedback) {
    }

    static final Map<String, Chrome> CHROME = Map.of(
            "nb", new Chrome("nb", List.of("Forsiden", "Nyheter", "Om oss", "Tjenester", "Kontakt"), "Hopp til hovedinnhold",
                    "Les også", "Vi bruker informasjonskapsler for å forbedre opplevelsen din og til statistikk.", "Godta alle",
                    "Meld deg på vårt nyhetsbrev", "Få de viktigste sakene rett i innboksen hver fredag morgen.",
                    "Vestlandsnytt AS", "Strandkaien 4, 5013 Bergen", "Sentralbord: 55 12 34 56",
                    "Kommentarer", List.of("Endelig skjer det noe her, dette har vi ventet på i mange år!",
                    "Hvem skal betale for dette til slutt? Det står ingenting om driftskostnadene."),
                    "3 kommentarer", "Del artikkelen", "Stikkord:", "4 min lesetid",
                    "skriver om samfunn og næringsliv og har vært journalist i redaksjonen siden 2015.",
                    "Denne artikkelen er forbeholdt abonnenter. Logg inn eller kjøp tilgang for å lese videre.",
                    "Forrige sak", "Neste sak", "© 2024 Vestlandsnytt. Ansvarlig redaktør: Per Olav Nes", "Av", "Publisert",
                    "Mest lest", "Fant du det du lette etter?"),
            "nn", new Chrome("nn", List.of("Framsida", "Nyheiter", "Om oss", "Tenester", "Kontakt"), "Hopp til hovudinnhaldet",
                    "Les òg", "Vi nyttar informasjonskapslar for å gjere tenesta betre og til statistikk.", "Godta alle",
                    "Meld deg på nyheitsbrevet", "Få dei viktigaste sakene rett i innboksen kvar fredag.",
                    "Fjordabladet AS", "Kaivegen 9, 6770 Nordfjordeid", "Sentralbord: 57 86 00 00",
                    "Kommentarar", List.of("Dette har vi venta på sidan eg var lita, endeleg!",
                    "Kven skal betale bompengane dei første åra? Det står ingenting om det her."),
                    "2 kommentarar", "Del saka", "Stikkord:", "3 min lesetid",
                    "skriv om samferdsel og lokalpolitikk og har arbeidd i avisa sidan 2012.",
                    "Denne saka er berre for abonnentar. Logg inn for å lese vidare.",
                    "Førre sak", "Neste sak", "© 2024 Fjordabladet. Ansvarleg redaktør: Randi Vik", "Av", "Publisert",
                    "Mest lese", "Fann du det du leita etter?"),
            "en", new Chrome("en", List.of("Home", "News", "About us", "Services", "Contact"), "Skip to main content",
                    "Related stories", "We use cookies to improve your experience and to collect statistics.", "Accept all",
                    "Sign up for our newsletter", "Get the week's most important stories in your inbox every Friday.",
                    "Coastal Times Ltd", "12 Harbour Road, Kirkwall KW15 1AA", "Switchboard: 01856 123 456",
                    "Comments", List.of("About time something like this happened here, well done to everyone involved!",
                    "Who pays for maintenance once the grant money runs out? The article does not say."),
                    "3 comments", "Share this article", "Tags:", "4 min read",
                    "covers energy and local politics and has been a reporter with the paper since 2016.",
                    "This article is for subscribers only. Log in or subscribe to keep reading.",
                    "Previous article", "Next article", "© 2024 Coastal Times. All rights reserved.", "By", "Published",
                    "Most read", "Was this page helpful?"),
            "de", new Chrome("de", List.of("Startseite", "Nachrichten", "Über uns", "Service", "Kontakt"), "Zum Inhalt springen",
                    "Auch interessant", "Wir verwenden Cookies, um Ihr Nutzererlebnis zu verbessern und Statistiken zu erstellen.", "Alle akzeptieren",
                    "Newsletter abonnieren", "Die wichtigsten Nachrichten jeden Freitag direkt in Ihr Postfach.",
                    "Talbote GmbH", "Hauptstraße 21, 79822 Titisee-Neustadt", "Telefon: 07651 12345",
                    "Kommentare", List.of("Endlich passiert hier mal etwas, darauf haben wir lange gewartet!",
                    "Wer bezahlt eigentlich die Pflege des Weges in den nächsten Jahren?"),
                    "3 Kommentare", "Artikel teilen", "Schlagwörter:", "4 Min. Lesezeit",
                    "schreibt über Verkehr und Kommunalpolitik und ist seit 2014 in der Redaktion.",
                    "Dieser Artikel ist nur für Abonnenten. Melden Sie sich an, um weiterzulesen.",
                    "Vorheriger Artikel", "Nächster Artikel", "© 2024 Talbote. Alle Rechte vorbehalten.", "Von", "Veröffentlicht",
                    "Meistgelesen", "War diese Seite hilfreich?"),
            "fr", new Chrome("fr", List.of("Accueil", "Actualités", "Qui sommes-nous", "Services", "Contact"), "Aller au contenu principal",
                    "À lire aussi", "Nous utilisons des cookies pour améliorer votre expérience et établir des statistiques.", "Tout accepter",
                    "Inscrivez-vous à notre lettre d'information", "Recevez l'essentiel de l'actualité chaque vendredi matin.",
                    "La Gazette du Val", "8 rue de la Halle, 26400 Crest", "Standard : 04 75 00 00 00",
                    "Commentaires", List.of("Enfin une bonne nouvelle pour le centre-ville, bravo à tous les producteurs !",
                    "Et le stationnement le samedi matin, qui va s'en occuper ?"),
                    "3 commentaires", "Partager cet article", "Mots-clés :", "4 min de lecture",
                    "couvre l'actualité économique de la vallée depuis 2013.",
                    "Cet article est réservé aux abonnés. Connectez-vous pour lire la suite.",
                    "Article précédent", "Article suivant", "© 2024 La Gazette du Val. Tous droits réservés.", "Par", "Publié le",
                    "Les plus lus", "Cette page vous a-t-elle été utile ?"),
            "sv", new Chrome("sv", List.of("Start", "Nyheter", "Om oss", "Tjänster", "Kontakt"), "Hoppa till huvudinnehållet",
                    "Läs också", "Vi använder kakor för att förbättra din upplevelse och för statistik.", "Godkänn alla",
                    "Prenumerera på vårt nyhetsbrev", "Få veckans viktigaste nyheter i din inkorg varje fredag.",
                    "Skärgårdsposten AB", "Hamngatan 3, 184 50 Åkersberga", "Växel: 08-540 123 45",
                    "Kommentarer", List.of("Äntligen, det här har vi väntat på länge här ute på öarna!",
                    "Vem ska betala för laddstationerna i längden? Det framgår inte."),
                    "3 kommentarer", "Dela artikeln", "Taggar:", "4 min läsning",
                    "skriver om trafik och miljö och har arbetat på tidningen sedan 2011.",
                    "Den här artikeln är endast för prenumeranter. Logga in för att läsa vidare.",
                    "Föregående artikel", "Nästa artikel", "© 2024 Skärgårdsposten. Alla rättigheter förbehållna.", "Av", "Publicerad",
                    "Mest läst", "Var sidan till hjälp?"));

    /** Builds one page and remembers which chrome it printed. */
    static final class Html {
        final StringBuilder out = new StringBuilder();
        final List<String> chrome = new ArrayList<>();
        final Random random;
        final Story story;
        final Chrome c;
        final List<Story> others;

        Html(Story story, Chrome c, Random random, List<Story> others) {
            this.story = story;
            this.c = c;
            this.random = random;
            this.others = others;
        }

        Html a(String html) {
            out.append(html).append('\n');
            return this;
        }

        /** Chrome text: printed, and a snippet that must not be in the article. */
        String x(String text) {
            chrome.add(text);
            return esc(text);
        }

        String pick(String... options) {
            return options[random.nextInt(options.length)];
        }

        String hashed() {
            String letters = "abcdefghijklmnopqrstuvwxyz0123456789";
            StringBuilder name = new StringBuilder(pick("css-", "sc-", "_", "x"));
            for (int i = 0; i < 6; i++) name.append(letters.charAt(random.nextInt(letters.length())));
            return name.toString();
        }

        void head() {
            a("<!DOCTYPE html>\n<html lang=\"" + story.lang() + "\">\n<head>\n<meta charset=\"utf-8\">");
            a("<title>" + esc(story.title()) + " " + pick("|", "–", "-") + " " + esc(c.org()) + "</title>");
            a("<meta property=\"og:title\" content=\"" + esc(story.title()) + "\">");
            a("<link rel=\"canonical\" href=\"https://" + slugHost() + "/" + story.slug() + "/\">");
            a("<script>window.dataLayer=[{page:'article'}];</script><style>.x{color:red}</style>\n</head>");
        }

        String slugHost() {
            return c.org().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "") + ".example";
        }

        String date() {
            return story.date().format(DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag(story.lang().equals("nn") ? "nb" : story.lang())));
        }

        String iso() {
            return story.date().toString();
        }

        String nav(String tag, String cls) {
            StringBuilder nav = new StringBuilder("<" + tag + " class=\"" + cls + "\"><ul>");
            for (String item : c.nav()) nav.append("<li><a href=\"/").append(item.toLowerCase(Locale.ROOT).replace(' ', '-')).append("/\">").append(esc(item)).append("</a></li>");
            return nav.append("</ul></").append(tag).append(">").toString();
        }

        String related(String tag, String cls, String headingTag) {
            StringBuilder related = new StringBuilder("<" + tag + " class=\"" + cls + "\"><" + headingTag + ">" + x(c.related()) + "</" + headingTag + "><ul>");
            for (Story other : others) related.append("<li><a href=\"/").append(other.slug()).append("/\">").append(x(other.title())).append("</a></li>");
            return related.append("</ul></").append(tag).append(">").toString();
        }

        String teasers(String wrapperCls, String teaserCls, boolean asArticle) {
            StringBuilder teasers = new StringBuilder("<div class=\"" + wrapperCls + "\">");
            for (Story other : others) {
                String tag = asArticle ? "article" : "div";
                teasers.append("<").append(tag).append(" class=\"").append(teaserCls).append("\"><h3><a href=\"/").append(other.slug())
                        .append("/\">").append(x(other.title())).append("</a></h3><p>").append(x(other.lead())).append("</p></").append(tag).append(">");
            }
            return teasers.append("</div>").toString();
        }

        String cookie(String cls) {
            return "<div class=\"" + cls + "\" role=\"" + pick("dialog", "region", "alert") + "\"><p>" + x(c.cookie()) + "</p><button>" + esc(c.accept()) + "</button></div>";
        }

        String cookieUnnamed() {
            return "<div class=\"" + hashed() + "\"><p>" + x(c.cookie()) + "</p><a href=\"#\" class=\"" + hashed() + "\">" + esc(c.accept()) + "</a></div>";
        }

        String newsletter(String cls) {
            return "<section class=\"" + cls + "\"><h2>" + x(c.newsletterHead()) + "</h2><p>" + x(c.newsletterText())
                    + "</p><form><input type=\"email\"><button>OK</button></form></section>";
        }

        String footer(String tag, String cls) {
            return "<" + tag + " class=\"" + cls + "\"><p><strong>" + esc(c.org()) + "</strong><br>" + x(c.address()) + "<br>" + x(c.contact())
                    + "</p><p>" + x(c.copyright()) + "</p></" + tag + ">";
        }

        String comments(String cls, String itemCls) {
            StringBuilder comments = new StringBuilder("<div class=\"" + cls + "\"><h3>" + esc(c.commentCount()) + "</h3>");
            for (String comment : c.comments()) {
                comments.append("<div class=\"").append(itemCls).append("\"><div class=\"").append(pick("comment-author", "who", "c-name"))
                        .append("\">Leser").append(random.nextInt(90)).append("</div><p>").append(x(comment)).append("</p></div>");
            }
            return comments.append("</div>").toString();
        }

        String share(String cls) {
            return "<div class=\"" + cls + "\"><span>" + esc(c.share()) + "</span> <a href=\"https://www.facebook.com/sharer.php\">Facebook</a> <a href=\"https://x.com/share\">X</a> <a href=\"mailto:?\">E-post</a></div>";
        }

        String tagsLine(String cls) {
            return "<div class=\"" + cls + "\">" + esc(c.tags()) + " <a href=\"/t/1\" rel=\"tag\">" + esc(c.nav().get(1)) + "</a>, <a href=\"/t/2\" rel=\"tag\">" + esc(c.org()) + "</a></div>";
        }

        String bio(String cls) {
            return "<div class=\"" + cls + "\"><img src=\"/img/author.jpg\" alt=\"\"><p><strong>" + esc(story.author()) + "</strong> " + x(c.bio()) + "</p></div>";
        }

        String paywall(String cls) {
            return "<div class=\"" + cls + "\"><p>" + x(c.paywall()) + "</p><a href=\"/login\">Login</a></div>";
        }

        String prevNext(String cls) {
            return "<div class=\"" + cls + "\"><a href=\"/" + others.get(0).slug() + "/\">" + esc(c.prev()) + ": " + x(others.get(0).title())
                    + "</a> <a href=\"/" + others.get(1).slug() + "/\">" + esc(c.next()) + ": " + x(others.get(1).title()) + "</a></div>";
        }

        String byline(String cls) {
            return "<div class=\"" + cls + "\">" + esc(c.by()) + " <a href=\"/author/x\">" + esc(story.author()) + "</a> · <time datetime=\"" + iso() + "T08:00:00+01:00\">" + esc(date()) + "</time></div>";
        }

        String figure(int variant) {
            String src = "/wp-content/uploads/" + story.date().getYear() + "/" + story.slug() + ".jpg";
            return switch (variant % 4) {
                case 0 -> "<figure class=\"" + pick("wp-block-image", "article-image", "media") + "\"><img src=\"" + src + "\" alt=\"" + esc(story.caption())
                        + "\"><figcaption>" + esc(story.caption()) + " <span class=\"credit\">Foto: " + esc(story.photographer()) + "</span></figcaption></figure>";
                case 1 -> "<div class=\"wp-caption\"><img src=\"" + src + "\" alt=\"\"><p class=\"wp-caption-text\">" + esc(story.caption()) + " Foto: " + esc(story.photographer()) + "</p></div>";
                case 2 -> "<figure><picture><source srcset=\"" + src + "?w=800\"><img src=\"" + src + "\" alt=\"\"></picture><figcaption>" + esc(story.caption()) + "</figcaption></figure>";
                default -> "<div class=\"" + hashed() + "\"><img data-src=\"" + src + "\" src=\"data:image/gif;base64,R0lGOD\" alt=\"" + esc(story.caption()) + "\"><noscript><img src=\"" + src + "\"></noscript></div>";
            };
        }

        /** The story's body as paragraphs, headings, quotes and lists. */
        String body(String paragraphTag) {
            StringBuilder body = new StringBuilder();
            boolean inList = false;
            for (String item : story.body()) {
                if (item.startsWith("* ")) {
                    if (!inList) body.append("<ul>");
                    inList = true;
                    body.append("<li>").append(esc(item.substring(2))).append("</li>");
                    continue;
                }
                if (inList) body.append("</ul>\n");
                inList = false;
                if (item.startsWith("## ")) body.append("<h2>").append(esc(item.substring(3))).append("</h2>\n");
                else if (item.startsWith("> ")) body.append("<blockquote><p>").append(esc(item.substring(2))).append("</p></blockquote>\n");
                else body.append("<").append(paragraphTag).append(">").append(esc(item)).append("</").append(paragraphTag).append(">\n");
            }
            if (inList) body.append("</ul>\n");
            return body.toString();
        }

        /** The story written as a blog with line breaks: no paragraph elements, bold lines as headings. */
        String brBody() {
            StringBuilder body = new StringBuilder(esc(story.lead())).append("<br><br>\n");
            for (String item : story.body()) {
                if (item.startsWith("## ")) body.append("<b>").append(esc(item.substring(3))).append("</b><br>\n");
                else if (item.startsWith("* ")) body.append("- ").append(esc(item.substring(2))).append("<br>\n");
                else body.append(esc(item.startsWith("> ") ? item.substring(2) : item)).append("<br><br>\n");
            }
            return body.toString();
        }
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The page shapes: name and builder. */
    static final List<Map.Entry<String, Function<Html, String>>> SHAPES = List.of(
            Map.entry("wordpress-classic", MainTextPages::wordpressClassic),
            Map.entry("wordpress-genesis", MainTextPages::wordpressGenesis),
            Map.entry("drupal", MainTextPages::drupal),
            Map.entry("government", MainTextPages::government),
            Map.entry("municipality", MainTextPages::municipality),
            Map.entry("pressrelease", MainTextPages::pressRelease),
            Map.entry("newspaper-teasers", MainTextPages::newspaperTeasers),
            Map.entry("ghost-blog", MainTextPages::ghostBlog),
            Map.entry("br-blog", MainTextPages::brBlog),
            Map.entry("table-layout", MainTextPages::tableLayout),
            Map.entry("no-structure", MainTextPages::noStructure),
            Map.entry("noscript-app", MainTextPages::noscriptApp),
            Map.entry("aside-article", MainTextPages::asideArticle),
            Map.entry("split-article", MainTextPages::splitArticle),
            Map.entry("comments-heavy", MainTextPages::commentsHeavy),
            Map.entry("inline-chrome", MainTextPages::inlineChrome));

    static String wordpressClassic(Html h) {
        h.head();
        h.a("<body class=\"post-template-default single single-post " + h.pick("no-sidebar", "has-sidebar", "modal-enabled") + "\">");
        h.a("<a class=\"skip-link screen-reader-text\" href=\"#content\">" + h.x(h.c.skip()) + "</a>");
        h.a("<div id=\"page\" class=\"site\"><header id=\"masthead\" class=\"site-header\"><p class=\"site-title\">" + esc(h.c.org()) + "</p>"
                + h.nav("nav", "main-navigation") + "</header>");
        h.a("<div id=\"content\" class=\"site-content\"><div id=\"primary\" class=\"content-area\"><main id=\"main\" class=\"site-main\">");
        h.a("<article class=\"post type-post status-publish hentry\"><header class=\"entry-header\"><h1 class=\"entry-title\">" + esc(h.story.title()) + "</h1>");
        h.a(h.byline("entry-meta") + "</header>");
        h.a("<div class=\"entry-content\"><p><strong>" + esc(h.story.lead()) + "</strong></p>");
        h.a(h.figure(h.random.nextInt(4)));
        h.a(h.body("p") + "</div>");
        h.a("<footer class=\"entry-footer\">" + h.tagsLine("cat-links") + h.share("share-zone") + "</footer></article>");
        h.a("<nav class=\"navigation post-navigation\">" + h.prevNext("nav-links") + "</nav>");
        h.a(h.comments("comments-area", "comment-body"));
        h.a("</main></div>");
        h.a("<aside id=\"secondary\" class=\"widget-area\"><section class=\"widget widget_text\"><div class=\"textwidget\"><p>" + h.x(h.c.newsletterText()) + "</p></div></section>"
                + h.related("section", "widget widget_recent_entries", "h2") + "</aside></div>");
        h.a(h.footer("footer", "site-footer") + "</div>" + h.cookie("cookie-notice-container") + "</body></html>");
        return h.out.toString();
    }

    static String wordpressGenesis(Html h) {
        h.head();
        h.a("<body class=\"single content-sidebar genesis-breadcrumbs-hidden\"><div class=\"site-container\">");
        h.a("<ul class=\"genesis-skip-link\"><li><a href=\"#genesis-content\" class=\"screen-reader-shortcut\">" + h.x(h.c.skip()) + "</a></li></ul>");
        h.a("<header class=\"site-header\"><div class=\"wrap\"><div class=\"title-area\"><p class=\"site-title\">" + esc(h.c.org()) + "</p></div>" + h.nav("nav", "nav-primary") + "</div></header>");
        h.a("<div class=\"site-inner\"><div class=\"content-sidebar-wrap\"><main class=\"content\" id=\"genesis-content\">");
        h.a("<article class=\"post entry\"><header class=\"entry-header\"><h1 class=\"entry-title\">" + esc(h.story.title()) + "</h1>");
        h.a("<p class=\"entry-meta\"><time class=\"entry-time\">" + esc(h.date()) + "</time> " + esc(h.c.by()) + " <span class=\"entry-author\">" + esc(h.story.author()) + "</span> <span class=\"entry-comments-link\">" + esc(h.c.commentCount()) + "</span></p></header>");
        h.a("<div class=\"entry-content\"><p class=\"" + h.pick("lead", "ingress", "intro") + "\">" + esc(h.story.lead()) + "</p>" + h.figure(1) + h.body("p") + "</div>");
        h.a("<footer class=\"entry-footer\"><p class=\"entry-meta\">" + h.tagsLine("entry-categories") + "</p></footer></article>");
        h.a(h.bio("author-box"));
        h.a("<div class=\"after-entry widget-area\">" + h.newsletter("enews-widget") + "</div>");
        h.a("</main><aside class=\"sidebar sidebar-primary widget-area\">" + h.related("section", "widget featured-content", "h4") + "</aside></div></div>");
        h.a(h.footer("footer", "site-footer") + "</div></body></html>");
        return h.out.toString();
    }

    static String drupal(Html h) {
        h.head();
        h.a("<body class=\"path-node page-node-type-article\"><a href=\"#main-content\" class=\"visually-hidden focusable\">" + h.x(h.c.skip()) + "</a>");
        h.a("<div class=\"dialog-off-canvas-main-canvas\"><div class=\"layout-container\"><header role=\"banner\"><div class=\"region region-header\">" + esc(h.c.org()) + "</div></header>");
        h.a("<div class=\"region region-primary-menu\">" + h.nav("nav", "block block-menu navigation menu--main") + "</div>");
        h.a("<div class=\"region region-breadcrumb\"><nav class=\"breadcrumb\"><ol><li><a href=\"/\">" + esc(h.c.nav().get(0)) + "</a></li><li><a href=\"/n\">" + esc(h.c.nav().get(1)) + "</a></li></ol></nav></div>");
        h.a("<main role=\"main\"><a id=\"main-content\" tabindex=\"-1\"></a><div class=\"layout-content\"><div class=\"region region-content\">");
        h.a("<div id=\"block-pagetitle\" class=\"block block-core\"><h1 class=\"page-title\"><span class=\"field field--name-title\">" + esc(h.story.title()) + "</span></h1></div>");
        h.a("<div id=\"block-system-main\" class=\"block block-system\"><div class=\"node node--type-article node--view-mode-full\">");
        h.a("<div class=\"node__meta\"><span class=\"field--name-uid\">" + esc(h.story.author()) + "</span> <span class=\"field--name-created\">" + esc(h.date()) + "</span></div>");
        h.a("<div class=\"node__content\"><div class=\"clearfix text-formatted field field--name-field-summary\"><p>" + esc(h.story.lead()) + "</p></div>");
        h.a("<div class=\"field field--name-field-image\">" + h.figure(0) + "</div>");
        h.a("<div class=\"clearfix text-formatted field field--name-body field--type-text-with-summary\">" + h.body("p") + "</div>");
        h.a("<div class=\"field field--name-field-tags field--type-entity-reference\">" + h.tagsLine("field__items") + "</div></div></div></div></div></div>");
        h.a("<aside class=\"layout-sidebar-second\" role=\"complementary\">" + h.related("div", "block block-views", "h2") + "</aside></main>");
        h.a(h.footer("footer", "site-footer") + "</div></div></body></html>");
        return h.out.toString();
    }

    static String government(Html h) {
        h.head();
        String main = h.pick("maincontent", "mainContent", "innhold");
        h.a("<body><div id=\"" + h.hashed() + "\">" + h.cookieUnnamed());
        h.a("<div class=\"header-wrap\"><a class=\"logo\" href=\"/\">" + esc(h.c.org()) + "</a>" + h.nav("div", "global-menu") + "</div>");
        h.a("<div class=\"breadcrumbs-wrapper\"><a href=\"/\">" + esc(h.c.nav().get(0)) + "</a> / <a href=\"/d\">" + esc(h.c.nav().get(2)) + "</a></div>");
        h.a("<div id=\"" + main + "\" class=\"content-page\"><div class=\"article-header\"><div class=\"article-info\"><span class=\"type\">Pressemelding</span> | <span class=\"date\">" + esc(h.date()) + "</span> | Nr: " + (10 + h.random.nextInt(80)) + "/24</div>");
        h.a("<h1>" + esc(h.story.title()) + "</h1><div class=\"article-ingress\"><p>" + esc(h.story.lead()) + "</p></div></div>");
        h.a("<div class=\"article-body\">" + h.figure(2) + h.body("p") + "</div>");
        h.a("<div class=\"factbox-contact\"><h2>" + h.x("Kontaktperson for presse") + "</h2><p>" + h.x("Kommunikasjonsrådgiver Liv Sandvik, telefon 22 24 90 90") + "</p></div>");
        h.a(h.share("share-print-tools") + "</div>");
        h.a("<div class=\"right-col\">" + h.related("div", "relatert", "h3") + "</div>");
        h.a("<div class=\"page-footer\"><p>" + h.x(h.c.feedback()) + " <a href=\"#\">Ja</a> <a href=\"#\">Nei</a></p>" + h.footer("div", "footer-info") + "</div></div></body></html>");
        return h.out.toString();
    }

    static String municipality(Html h) {
        h.head();
        h.a("<body><div class=\"" + h.hashed() + "\"><div class=\"top\">" + h.nav("div", h.hashed()) + "</div>");
        h.a("<div class=\"main-col\"><div class=\"crumbs\"><a href=\"/\">" + esc(h.c.nav().get(0)) + "</a> &gt; " + esc(h.c.nav().get(1)) + "</div>");
        h.a("<h1>" + esc(h.story.title()) + "</h1>");
        h.a("<p class=\"" + h.hashed() + "\"><strong>" + esc(h.story.lead()) + "</strong></p>");
        h.a(h.figure(3));
        h.a(h.body("p"));
        h.a("<p class=\"" + h.hashed() + "\">Sist endret " + esc(h.date()) + "</p></div>");
        h.a("<div class=\"right-col\"><div class=\"box\"><h2>" + h.x("Kontakt oss") + "</h2><p>" + h.x("Servicetorget er åpent hverdager fra 08.00 til 15.30.") + "</p></div>"
                + h.related("div", "box", "h2") + "</div>");
        h.a(h.footer("div", "bottom") + "</div></body></html>");
        return h.out.toString();
    }

    static String pressRelease(Html h) {
        h.head();
        h.a("<body class=\"newsroom\"><header class=\"" + h.hashed() + "\">" + h.nav("nav", h.hashed()) + "</header>");
        h.a("<div class=\"release-page\"><div class=\"release\"><div class=\"release-type\">Pressemelding</div><h1 class=\"release-title\">" + esc(h.story.title()) + "</h1>");
        h.a("<div class=\"release-date\">" + esc(h.date()) + "</div><div class=\"release-lead\"><p>" + esc(h.story.lead()) + "</p></div>");
        h.a("<div class=\"release-body\">" + h.body("p") + "</div>" + h.figure(0));
        h.a("<div class=\"boilerplate\"><h3>" + h.x("Om " + h.c.org()) + "</h3><p>" + h.x(h.c.org() + " er et uavhengig mediehus med 40 ansatte og lokalkontor i fire kommuner.") + "</p></div>");
        h.a("<div class=\"release-contacts\"><h3>" + h.x("Kontaktpersoner") + "</h3><p>" + h.x("Pressevakt Trond Eriksen, 900 11 223") + "</p></div>");
        h.a("<div class=\"release-documents\"><h3>" + h.x("Dokumenter og linker") + "</h3><ul><li><a href=\"/a.pdf\">" + h.x("Rapport om tiltaket (PDF)") + "</a></li></ul></div></div>");
        h.a("<div class=\"" + h.hashed() + "\"><h3>" + h.x("Abonner på pressemeldinger fra " + h.c.org()) + "</h3><form><input></form></div>");
        h.a("<div class=\"more-releases\">" + h.teasers("list", "release-teaser", false) + "</div></div>");
        h.a(h.footer("footer", h.hashed()) + "</body></html>");
        return h.out.toString();
    }

    static String newspaperTeasers(Html h) {
        h.head();
        h.a("<body>" + h.cookie("consent-banner") + "<header class=\"masthead\">" + h.nav("nav", "sections") + "</header>");
        h.a("<div class=\"" + h.hashed() + "\"><div class=\"" + h.hashed() + "\">");
        h.a("<div class=\"story\"><h1 class=\"headline\">" + esc(h.story.title()) + "</h1><div class=\"" + h.hashed() + "\"><span>" + esc(h.c.by()) + " " + esc(h.story.author()) + "</span> <span>" + esc(h.c.readingTime()) + "</span></div>");
        h.a("<div class=\"" + h.hashed() + "\"><time datetime=\"" + h.iso() + "T06:30:00+01:00\">" + esc(h.date()) + "</time></div>");
        h.a("<p class=\"standfirst\">" + esc(h.story.lead()) + "</p>" + h.figure(2));
        h.a("<div class=\"story-body\">" + h.body("p") + "</div>");
        h.a("<div class=\"" + h.hashed() + "\">" + esc(h.c.commentCount()) + "</div></div>");
        h.a(h.paywall("paywall-upsell"));
        h.a("</div><div class=\"rail\"><h2>" + h.x(h.c.popular()) + "</h2>" + h.teasers("teaser-list", "teaser", true) + "</div></div>");
        h.a(h.footer("footer", "page-footer") + "</body></html>");
        return h.out.toString();
    }

    static String ghostBlog(Html h) {
        h.head();
        h.a("<body class=\"post-template\"><div class=\"site-wrapper\"><header class=\"site-header\">" + h.nav("nav", "site-nav") + "</header>");
        h.a("<main id=\"site-main\" class=\"site-main outer\"><div class=\"inner\"><article class=\"post-full post\">");
        h.a("<header class=\"post-full-header\"><section class=\"post-full-tags\"><a href=\"/tag/x/\">" + esc(h.c.nav().get(1)) + "</a></section><h1 class=\"post-full-title\">" + esc(h.story.title()) + "</h1>");
        h.a("<p class=\"post-full-custom-excerpt\">" + esc(h.story.lead()) + "</p><div class=\"post-full-byline\"><section class=\"post-full-byline-meta\"><h4 class=\"author-name\"><a href=\"/author/a/\">" + esc(h.story.author())
                + "</a></h4><div class=\"byline-meta-content\"><time class=\"byline-meta-date\" datetime=\"" + h.iso() + "\">" + esc(h.date()) + "</time> <span class=\"byline-reading-time\">" + esc(h.c.readingTime()) + "</span></div></section></div></header>");
        h.a(h.figure(2));
        h.a("<section class=\"post-full-content\"><div class=\"post-content\">" + h.body("p") + "</div></section>");
        h.a("<section class=\"subscribe-form\"><h3>" + h.x(h.c.newsletterHead()) + "</h3><p>" + h.x(h.c.newsletterText()) + "</p></section></article></div></main>");
        h.a("<aside class=\"read-next outer\"><div class=\"inner\">" + h.teasers("read-next-feed", "post-card", true) + "</div></aside>");
        h.a(h.footer("footer", "site-footer outer") + "</div></body></html>");
        return h.out.toString();
    }

    static String brBlog(Html h) {
        h.head();
        h.a("<body><div id=\"outer-wrapper\"><div id=\"header\"><h1 class=\"blog-title\">" + esc(h.c.org()) + " blogg</h1></div>");
        h.a("<div id=\"main-wrapper\"><div class=\"date-header\"><span>" + esc(h.date()) + "</span></div>");
        h.a("<div class=\"post hentry\"><h3 class=\"post-title entry-title\">" + esc(h.story.title()) + "</h3>");
        h.a("<div class=\"post-body entry-content\">" + h.brBody() + h.figure(1) + "</div>");
        h.a("<div class=\"post-footer\">Lagt inn av " + esc(h.story.author()) + " kl. 14:05 <a href=\"#c\">" + esc(h.c.commentCount()) + "</a></div></div>");
        h.a(h.comments("comments", "comment-block"));
        h.a("</div><div id=\"sidebar-wrapper\">" + h.related("div", "widget BlogArchive", "h2") + "<div class=\"widget Profile\"><p>" + h.x(h.c.bio()) + "</p></div></div>");
        h.a("<div id=\"footer-wrapper\"><p>" + h.x(h.c.copyright()) + "</p></div></div></body></html>");
        return h.out.toString();
    }

    static String tableLayout(Html h) {
        h.head();
        h.a("<body><table width=\"100%\"><tr><td colspan=\"3\"><font size=\"5\">" + esc(h.c.org()) + "</font></td></tr><tr>");
        h.a("<td width=\"150\" valign=\"top\">" + String.join("<br>", h.c.nav().stream().map(n -> "<a href=\"/" + n.length() + "\">" + esc(n) + "</a>").toList()) + "</td>");
        h.a("<td valign=\"top\"><h1>" + esc(h.story.title()) + "</h1><i>" + esc(h.date()) + "</i><br><br>" + h.brBody() + "</td>");
        h.a("<td width=\"180\" valign=\"top\"><b>" + h.x(h.c.related()) + "</b><br>" + String.join("<br>", h.others.stream().map(o -> "<a href=\"/" + o.slug() + "\">" + h.x(o.title()) + "</a>").toList()) + "</td>");
        h.a("</tr><tr><td colspan=\"3\"><small>" + h.x(h.c.copyright()) + " " + h.x(h.c.address()) + "</small></td></tr></table></body></html>");
        return h.out.toString();
    }

    static String noStructure(Html h) {
        h.head();
        String p = h.hashed();
        h.a("<body><div class=\"" + h.hashed() + "\">" + h.cookieUnnamed());
        h.a("<div class=\"" + h.hashed() + "\">" + String.join(" ", h.c.nav().stream().map(n -> "<a href=\"/" + n.length() + "\">" + esc(n) + "</a>").toList()) + "</div>");
        h.a("<div class=\"" + h.hashed() + "\"><div class=\"" + h.hashed() + "\"><h1>" + esc(h.story.title()) + "</h1>");
        h.a("<div class=\"" + h.hashed() + "\">" + esc(h.c.by()) + " " + esc(h.story.author()) + " | " + esc(h.date()) + "</div>");
        h.a("<div class=\"" + p + "\">" + esc(h.story.lead()) + "</div>");
        h.a(h.figure(3));
        for (String item : h.story.body()) {
            String text = item.replaceFirst("^(## |> |\\* )", "");
            h.a(item.startsWith("## ") ? "<div class=\"" + h.hashed() + "\"><b>" + esc(text) + "</b></div>" : "<div class=\"" + p + "\">" + esc(text) + "</div>");
        }
        h.a("<div class=\"" + h.hashed() + "\"><span>" + esc(h.c.share()) + "</span> <a href=\"#\">Facebook</a> <a href=\"#\">LinkedIn</a></div></div>");
        h.a("<div class=\"" + h.hashed() + "\"><div>" + h.x(h.c.related()) + "</div>" + String.join("", h.others.stream().map(o -> "<div><a href=\"/" + o.slug() + "\">" + h.x(o.title()) + "</a></div>").toList()) + "</div></div>");
        h.a("<div class=\"" + h.hashed() + "\"><div>" + h.x(h.c.newsletterHead()) + "</div><div>" + h.x(h.c.newsletterText()) + "</div></div>");
        h.a("<div class=\"" + h.hashed() + "\"><div>" + h.x(h.c.address()) + "</div><div>" + h.x(h.c.copyright()) + "</div></div></div></body></html>");
        return h.out.toString();
    }

    static String noscriptApp(Html h) {
        h.head();
        h.a("<body><div id=\"root\"></div><noscript><div class=\"" + h.pick("ssr", "fallback", "static") + "\"><article><h1>" + esc(h.story.title()) + "</h1>");
        h.a("<p class=\"" + h.pick("lead", "ingress", "summary") + "\">" + esc(h.story.lead()) + "</p>" + h.body("p") + "</article></div>");
        h.a(h.related("div", "related", "h2") + "</noscript>");
        h.a("<script src=\"/app.js\"></script></body></html>");
        return h.out.toString();
    }

    static String asideArticle(Html h) {
        h.head();
        h.a("<body><header>" + h.nav("nav", "top-nav") + "</header><div class=\"layout\">");
        h.a("<aside class=\"" + h.pick("column-main", "col-8", "primary-column") + "\"><article class=\"" + h.hashed() + "\"><h1>" + esc(h.story.title()) + "</h1>");
        h.a(h.byline("meta-line") + "<p><strong>" + esc(h.story.lead()) + "</strong></p>" + h.figure(0) + h.body("p") + "</article></aside>");
        h.a("<aside class=\"column-side\">" + h.related("div", h.hashed(), "h3") + h.newsletter(h.hashed()) + "</aside></div>");
        h.a(h.footer("footer", "foot") + "</body></html>");
        return h.out.toString();
    }

    static String splitArticle(Html h) {
        h.head();
        h.a("<body>" + h.cookie("cc-window") + "<header>" + h.nav("nav", "menu") + "</header><main>");
        h.a("<article class=\"article-header\"><h1>" + esc(h.story.title()) + "</h1><p class=\"" + h.pick("lead", "ingress", "preamble") + "\">" + esc(h.story.lead()) + "</p>" + h.byline("byline") + "</article>");
        h.a("<div class=\"" + h.pick("article-text", "bodytext", "text-body") + "\">" + h.figure(h.random.nextInt(4)) + h.body("p") + "</div>");
        h.a("<section class=\"" + h.hashed() + "\">" + h.teasers(h.hashed(), "teaser-card", true) + "</section>");
        h.a(h.comments("discussion", "comment-item") + "</main>" + h.footer("footer", "footer") + "</body></html>");
        return h.out.toString();
    }

    static String commentsHeavy(Html h) {
        h.head();
        h.a("<body><div class=\"container\">" + h.nav("nav", "navbar") + "<div class=\"row\"><div class=\"col-md-8\">");
        h.a("<div class=\"blog-post\"><h1 class=\"blog-post-title\">" + esc(h.story.title()) + "</h1><p class=\"blog-post-meta\">" + esc(h.date()) + " " + esc(h.c.by()) + " " + esc(h.story.author()) + "</p>");
        h.a("<p>" + esc(h.story.lead()) + "</p>" + h.body("p") + "</div>");
        h.a("<div id=\"" + h.pick("comments", "disqus_thread", "respond") + "\"><h3>" + esc(h.c.commentsHead()) + "</h3>");
        for (int i = 0; i < 4; i++) {
            for (String comment : h.c.comments()) {
                String longer = comment + " " + comment.replace("!", ".") + " " + h.x(h.c.comments().get((i + 1) % 2));
                h.a("<div class=\"media\"><div class=\"media-body\"><h5>Leser " + i + "</h5><p>" + h.x(comment) + " " + esc(longer.substring(comment.length() + 1)) + "</p></div></div>");
            }
        }
        h.a("</div></div><div class=\"col-md-4\">" + h.related("div", "p-4 mb-3 bg-light", "h4") + "</div></div>" + h.footer("footer", "blog-footer") + "</div></body></html>");
        return h.out.toString();
    }

    /** Chrome inside the story's own container, under names that say nothing (CSS-in-JS hashes): the hard case. */
    static String inlineChrome(Html h) {
        h.head();
        h.a("<body><div id=\"__next\"><div class=\"" + h.hashed() + "\">" + h.nav("nav", h.hashed()) + "</div><main><div class=\"" + h.hashed() + "\">");
        h.a("<h1>" + esc(h.story.title()) + "</h1><p class=\"" + h.hashed() + "\">" + esc(h.story.lead()) + "</p>");
        int paragraph = 0;
        for (String item : h.story.body()) {
            String text = item.replaceFirst("^(## |> |\\* )", "");
            h.a(item.startsWith("## ") ? "<h2>" + esc(text) + "</h2>" : item.startsWith("> ") ? "<blockquote>" + esc(text) + "</blockquote>"
                    : item.startsWith("* ") ? "<ul><li>" + esc(text) + "</li></ul>" : "<p>" + esc(text) + "</p>");
            if (!item.startsWith("## ") && !item.startsWith("* ")) paragraph++;
            if (paragraph == 2) h.a("<div class=\"" + h.hashed() + "\"><p><a href=\"/" + h.others.get(0).slug() + "\">" + h.x(h.others.get(0).title()) + "</a></p></div>");
            if (paragraph == 3) h.a("<div class=\"" + h.hashed() + "\"><p>" + h.x(h.c.newsletterText()) + "</p><a href=\"/nl\">" + esc(h.c.newsletterHead()) + "</a></div>");
        }
        h.a("<div class=\"" + h.hashed() + "\"><p>" + esc(h.story.author()) + " " + h.x(h.c.bio()) + "</p></div>");
        h.a("<div class=\"" + h.hashed() + "\"><p>" + h.x(h.c.paywall()) + "</p></div></div></main>");
        h.a("<div class=\"" + h.hashed() + "\">" + h.teasers(h.hashed(), h.hashed(), false) + "</div>" + h.footer("div", h.hashed()) + "</div></body></html>");
        return h.out.toString();
    }

    /** Every page of the benchmark: each story in ten shapes (rotated, so every shape appears in many languages). */
    static List<Page> pages() {
        List<Page> pages = new ArrayList<>();
        List<Story> stories = MainTextStories.ALL;
        for (int s = 0; s < stories.size(); s++) {
            Story story = stories.get(s);
            List<Story> others = List.of(stories.get((s + 1) % stories.size()), stories.get((s + 3) % stories.size()), stories.get((s + 5) % stories.size()));
            for (int k = 0; k < 10; k++) {
                int shape = (s + k) % SHAPES.size();
                Random random = new Random(31L * s + k);
                Html h = new Html(story, CHROME.get(story.lang()), random, others);
                String html = SHAPES.get(shape).getValue().apply(h);
                String file = String.format("%03d-%s-%s.html", pages.size() + 1, SHAPES.get(shape).getKey(), story.lang());
                pages.add(new Page(file, SHAPES.get(shape).getKey(), story, html, mustSnippets(story), h.chrome.stream().distinct().filter(t -> t.length() >= 12).toList()));
            }
        }
        return pages;
    }

    /** Fragments of the story's text: the lead, every paragraph (a piece from its middle), a heading, a list item, the quote. */
    static List<String> mustSnippets(Story story) {
        List<String> must = new ArrayList<>();
        must.add(story.lead().substring(0, Math.min(50, story.lead().length())));
        boolean heading = false;
        boolean list = false;
        for (String item : story.body()) {
            if (item.startsWith("## ")) {
                if (!heading) must.add(item.substring(3));
                heading = true;
            } else if (item.startsWith("* ")) {
                if (!list) must.add(item.substring(2));
                list = true;
            } else {
                String text = item.startsWith("> ") ? item.substring(2) : item;
                int start = Math.max(0, text.indexOf(' ', text.length() / 3) + 1);
                must.add(text.substring(start, Math.min(text.length(), start + 45)).strip());
            }
        }
        return must;
    }

    /** Shapes used for the labelled corpus, with the folder each goes to and whether the page names its author. */
    static final List<String[]> CORPUS_SHAPES = List.of(
            new String[] {"wordpress-classic", "html-wordpress", "author"},
            new String[] {"drupal", "html-drupal", "author"},
            new String[] {"government", "html-government", ""},
            new String[] {"pressrelease", "html-pressrelease", ""},
            new String[] {"ghost-blog", "html-blog", "author"},
            new String[] {"split-article", "html-newspaper", "author"},
            new String[] {"newspaper-teasers", "html-newspaper", "author"},
            new String[] {"wordpress-genesis", "html-wordpress", "author"});

    /**
     * Writes pages for the labelled extraction corpus ({@link ExtractionCorpusTest}): the Bokmål, Nynorsk and
     * English stories, two shapes each, with the facts a reader takes from the page.
     */
    static void writeCorpus(Path corpus) throws IOException {
        List<Story> stories = MainTextStories.ALL.stream().filter(s -> List.of("nb", "nn", "en").contains(s.lang())).toList();
        for (int s = 0; s < stories.size(); s++) {
            Story story = stories.get(s);
            List<Story> others = List.of(stories.get((s + 1) % stories.size()), stories.get((s + 2) % stories.size()), stories.get((s + 4) % stories.size()));
            for (int k : new int[] {s % CORPUS_SHAPES.size(), (s + 3) % CORPUS_SHAPES.size()}) {
                String[] shape = CORPUS_SHAPES.get(k);
                String folder = story.lang().equals("nn") ? "html-nynorsk" : story.lang().equals("en") ? "html-english" : shape[1];
                Function<Html, String> builder = SHAPES.stream().filter(e -> e.getKey().equals(shape[0])).findFirst().orElseThrow().getValue();
                String html = builder.apply(new Html(story, CHROME.get(story.lang()), new Random(1000L + 31L * s + k), others));
                Path dir = corpus.resolve(folder);
                Files.createDirectories(dir);
                String name = story.slug() + "-" + shape[0] + ".html";
                Files.writeString(dir.resolve(name), html, StandardCharsets.UTF_8);
                Map<String, Object> expected = new java.util.LinkedHashMap<>();
                expected.put("title", story.title());
                expected.put("published", story.date().toString());
                expected.put("author", shape[2].isEmpty() ? null : story.author());
                expected.put("leadStart", String.join(" ", java.util.Arrays.copyOf(story.lead().split(" "), 8)));
                expected.put("headings", story.headings());
                expected.put("language", story.lang());
                Files.writeString(dir.resolve(name + ".expected.json"),
                        no.tolk.article.ArticleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(expected) + "\n", StandardCharsets.UTF_8);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        writeCorpus(Path.of("src/test/resources/corpus"));
        Files.createDirectories(DIR);
        StringBuilder tsv = new StringBuilder("# file\t+ must appear / - must not appear\tsnippet\n");
        for (Page page : pages()) {
            Files.writeString(DIR.resolve(page.file()), page.html(), StandardCharsets.UTF_8);
            page.must().forEach(snippet -> tsv.append(page.file()).append("\t+\t").append(snippet).append('\n'));
            page.mustNot().forEach(snippet -> tsv.append(page.file()).append("\t-\t").append(snippet).append('\n'));
        }
        Files.writeString(DIR.resolve("snippets.tsv"), tsv.toString(), StandardCharsets.UTF_8);
    }
}
