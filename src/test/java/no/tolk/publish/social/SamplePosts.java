package no.tolk.publish.social;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Posts and endpoints shared by the channel tests. */
final class SamplePosts {

    static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final URI URL = URI.create("https://tolk.example.no/nb/nyheter/blabaersyltetoy-pa-orland?utm_source=social");
    static final String TITLE = "Blåbærsyltetøy på Ørland";
    static final String EXCERPT = "Bygda (2 000 innbyggere) vant #1-prisen for syltetøy…";
    static final String TEXT = TITLE + "\n\n" + EXCERPT + "\n\n" + URL + "\n\n#nyheter #Trøndelag";

    private SamplePosts() {
    }

    static SocialPost post(String channel, String language) {
        return new SocialPost("a-2026-0042", 3, channel, language, TITLE, EXCERPT, URL,
                List.of("#nyheter", "#Trøndelag"), TEXT, LocalDate.of(2026, 11, 26));
    }

    static ChannelEndpoint endpoint(String baseUrl) {
        return new ChannelEndpoint(URI.create(baseUrl), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }
}
