package no.tolk.publish.social;

import java.util.Set;

/** What every channel states about itself: its name, the languages it posts and the length rule its service counts by. */
abstract class ChannelIdentity implements SocialChannel {

    private final String name;
    private final Set<String> languages;
    private final LengthRule lengthRule;

    ChannelIdentity(String name, Set<String> languages, LengthRule lengthRule) {
        this.name = name;
        this.languages = Set.copyOf(languages);
        this.lengthRule = lengthRule;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> languages() {
        return languages;
    }

    @Override
    public final LengthRule lengthRule() {
        return lengthRule;
    }
}
