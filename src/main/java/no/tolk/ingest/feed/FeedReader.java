package no.tolk.ingest.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import no.tolk.ingest.feed.FeedFailure.Kind;
import org.jsoup.nodes.Entities;

/** RSS 2.0 and Atom through Rome (DOCTYPEs refused, so no entity tricks); entries without guid and link are dropped. */
public class FeedReader {

    public List<FeedItem> read(String feedUrl, FetchedPage page) throws FeedFailure {
        if (page.looksLikeHtml()) {
            throw new FeedFailure(Kind.NOT_A_FEED, feedUrl + " answered with an HTML page (" + page.mediaType() + ")");
        }
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(page.body()), page.contentType(), true)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(reader);
        } catch (IllegalArgumentException e) {
            // Rome's answer to well-formed XML that is neither RSS nor Atom
            throw new FeedFailure(Kind.NOT_A_FEED, feedUrl + ": " + e.getMessage(), null, e);
        } catch (FeedException | IOException e) {
            throw new FeedFailure(Kind.MALFORMED, feedUrl + ": " + firstLine(e.getMessage()), null, e);
        }
        List<FeedItem> items = new ArrayList<>();
        List<String[]> rawDates = null;
        for (int index = 0; index < feed.getEntries().size(); index++) {
            SyndEntry entry = feed.getEntries().get(index);
            String link = absolute(page.url(), entry.getLink());
            String guid = blankToNull(entry.getUri());
            if (link == null && guid == null) continue;
            Instant published = instant(entry.getPublishedDate());
            Instant updated = instant(entry.getUpdatedDate());
            if (published == null || updated == null) {
                if (rawDates == null) rawDates = RawEntryDates.of(page.body());
                if (index < rawDates.size()) {
                    if (published == null) published = FeedDates.parse(rawDates.get(index)[0]).orElse(null);
                    if (updated == null) updated = FeedDates.parse(rawDates.get(index)[1]).orElse(null);
                }
            }
            items.add(new FeedItem(feedUrl, guid, link, blankToNull(entry.getTitle()), author(entry),
                    published, updated, categories(entry),
                    withAbsoluteUrls(content(entry), link != null ? link : page.url()),
                    entry.getDescription() == null ? null : blankToNull(entry.getDescription().getValue())));
        }
        return items;
    }

    private static final java.util.regex.Pattern ABSOLUTE = java.util.regex.Pattern.compile("(?i)^([a-z][a-z0-9+.-]*:|//|#).*");
    private static final List<String> URL_ATTRIBUTES = List.of("src", "href", "data-src", "poster");

    /**
     * Item content is a fragment of the site's page: "/wp-content/uploads/..." and "bilde.jpg" mean something only
     * on the item's own page, so they are resolved against the item's link (or the feed's URL). Content without
     * relative URLs is returned as it came, so its fingerprint does not change.
     */
    static String withAbsoluteUrls(String html, String base) {
        if (html == null || base == null) return html;
        org.jsoup.nodes.Document fragment = org.jsoup.Jsoup.parseBodyFragment(html, base);
        boolean changed = false;
        for (org.jsoup.nodes.Element element : fragment.body().select("[src], [href], [data-src], [poster], [srcset]")) {
            for (String attribute : URL_ATTRIBUTES) {
                String value = element.attr(attribute).strip();
                if (value.isEmpty() || ABSOLUTE.matcher(value).matches()) continue;
                String resolved = element.absUrl(attribute);
                if (!resolved.isEmpty()) {
                    element.attr(attribute, resolved);
                    changed = true;
                }
            }
            if (element.hasAttr("srcset")) {
                String srcset = element.attr("srcset");
                StringBuilder out = new StringBuilder();
                for (String candidate : srcset.split(",")) {
                    String[] parts = candidate.strip().split("\\s+", 2);
                    if (parts[0].isEmpty()) continue;
                    String url = ABSOLUTE.matcher(parts[0]).matches() ? parts[0] : org.jsoup.internal.StringUtil.resolve(base, parts[0]);
                    changed |= !url.equals(parts[0]);
                    if (out.length() > 0) out.append(", ");
                    out.append(url).append(parts.length > 1 ? " " + parts[1] : "");
                }
                element.attr("srcset", out.toString());
            }
        }
        return changed ? fragment.body().html() : html;
    }

    private static String content(SyndEntry entry) {
        for (SyndContent content : entry.getContents()) {
            String value = blankToNull(content.getValue());
            if (value == null) continue;
            String type = content.getType() == null ? "html" : content.getType().toLowerCase(Locale.ROOT);
            if (type.equals("text") || type.equals("text/plain")) {
                StringBuilder html = new StringBuilder();
                for (String paragraph : value.split("\\n\\s*\\n")) {
                    if (!paragraph.isBlank()) html.append("<p>").append(Entities.escape(paragraph.strip())).append("</p>\n");
                }
                return html.toString();
            }
            return value;
        }
        return null;
    }

    private static String author(SyndEntry entry) {
        String author = blankToNull(entry.getAuthor());
        if (author != null) return author;
        for (SyndPerson person : entry.getAuthors()) {
            if (blankToNull(person.getName()) != null) return person.getName().strip();
        }
        return null;
    }

    private static List<String> categories(SyndEntry entry) {
        List<String> names = new ArrayList<>();
        for (SyndCategory category : entry.getCategories()) {
            String name = blankToNull(category.getName());
            if (name != null && !names.contains(name.strip())) names.add(name.strip());
        }
        return names;
    }

    private static String absolute(String base, String link) {
        String value = blankToNull(link);
        if (value == null) return null;
        try {
            return URI.create(base).resolve(value.strip()).toString();
        } catch (IllegalArgumentException e) {
            return value.strip();
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
