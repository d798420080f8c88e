package no.tolk.extract;

import java.util.regex.Pattern;

/**
 * The author property of an office document or PDF (Word's "Author", ODF's initial creator, PDF's /Author),
 * used as the article's author only when it reads as a person's or an organisation's full name. Word, LibreOffice
 * and PDF writers fill it from the account that made the file, so it often holds a generic account
 * ("Microsoft Office User", "Windows User", "Bruker", "admin"), a login ("kari.nordmann", "KNO") or a bare first
 * name ("Kari"); none of those is a byline. A byline in the text always wins over the property.
 */
final class DocumentAuthor {

    /** Two to five capitalised words: "Kari Nordmann", "Kystverket Midt-Norge", "Anne-Lise de Vries". */
    private static final Pattern FULL_NAME = Pattern.compile(
            "^\\p{Lu}[\\p{L}'’.-]+(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|von|van|de|af|av|der|den)){1,4}$");
    /** Names that programs and IT departments give accounts, in English and Norwegian. */
    private static final Pattern GENERIC_ACCOUNT = Pattern.compile(
            "(?iu)^(?:microsoft( office)?( user| bruker)?|office( user| bruker)?|windows( user| bruker)?|mac( os)? user|apple user"
                    + "|user|bruker|brukar|admin(istrator)?|owner|eier|author|forfatter|unknown|ukjent|guest|gjest|default"
                    + "|libreoffice|openoffice(\\.org)?|apache poi|pdf ?creator|adobe.*|acrobat.*|hp.*|ibm user|valued customer"
                    + "|(?:[\\p{L}]+ )?(?:user|bruker|brukar|admin|pc|laptop)( \\d+)?)$");

    private DocumentAuthor() {
    }

    /** The property's value when it is a full name and not a generic account, cleaned; otherwise null. */
    static String fromProperty(String property) {
        String name = Text.clean(property);
        if (name.isEmpty() || GENERIC_ACCOUNT.matcher(name).matches() || !FULL_NAME.matcher(name).matches()) return null;
        return name;
    }
}
