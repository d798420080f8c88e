package no.tolk.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.NumberingDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Generates Tolk's sample corpus: good articles in every supported input format
 * ({@code inbox/}), broken inputs ({@code bad/}) and the facts a correct extractor must
 * find ({@code expected/}).
 *
 * <p>Output is deterministic: dates, zip entry times, PDF document ids and random seeds
 * are fixed. The only optional step is the legacy {@code .doc}, which needs LibreOffice
 * ({@code soffice}) on the PATH; without it (or with {@code -Dtolk.samples.skipDoc=true}) the
 * step is skipped and an existing {@code .doc} is left untouched.
 *
 * <pre>
 * mvn -o -q test-compile
 * java -cp "target/test-classes:target/classes:$(mvn -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" \
 *     no.tolk.samples.SampleGenerator samples
 * </pre>
 */
public final class SampleGenerator {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** Time stamp written into every zip entry (docx/odt) so the bytes do not change between runs. */
    static final LocalDateTime ZIP_TIME = LocalDateTime.of(2024, 1, 1, 12, 0, 0);
    static final String[] NB_MONTHS = {"januar", "februar", "mars", "april", "mai", "juni", "juli",
            "august", "september", "oktober", "november", "desember"};
    static final String DASH = "\u2013 ";
    static final String DEJAVU = "/usr/share/fonts/truetype/dejavu/";

    private final Path out;
    private final Path inbox;
    private final Path bad;
    private final Path expected;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    SampleGenerator(Path out) {
        this.out = out;
        this.inbox = out.resolve("inbox");
        this.bad = out.resolve("bad");
        this.expected = out.resolve("expected");
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "samples");
        new SampleGenerator(out).run();
    }

    void run() throws Exception {
        Files.createDirectories(inbox);
        Files.createDirectories(bad);
        Files.createDirectories(expected);

        Article hamar = Article.load("klyngemote-hamar");
        Article vesteralen = Article.load("havbruk-vesteralen");
        Article orkanger = Article.load("bioraffineri-orkanger");
        Article agder = Article.load("gronn-omstilling-agder");
        Article floro = Article.load("havvind-testarena-floro");
        Article helgeland = Article.load("tare-helgeland");
        Article valdres = Article.load("matgrundere-valdres");
        // plain ISO-8859-1 text has no en dash: dialogue dashes become "- "
        Article sunnmore = Article.load("skipsfart-sunnmore-latin1").map(s -> s.replace('\u2013', '-'));

        good("klyngemote-hamar.txt", hamar, webDump(hamar, "Sist oppdatert")
                .getBytes(StandardCharsets.UTF_8), false);
        byte[] docx = docx(vesteralen);
        good("havbruk-vesteralen.docx", vesteralen, docx, true);
        good("bioraffineri-orkanger.odt", orkanger, odt(orkanger), true);
        byte[] pdf = pdf(agder, null);
        good("gronn-omstilling-agder.pdf", agder, pdf, true);
        good("havvind-testarena-floro.html", floro, html(floro).getBytes(StandardCharsets.UTF_8), true);
        good("tare-helgeland.md", helgeland, markdown(helgeland).getBytes(StandardCharsets.UTF_8), true);
        good("matgrundere-valdres.rtf", valdres, rtf(valdres).getBytes(StandardCharsets.US_ASCII), true);
        good("skipsfart-sunnmore-latin1.txt", sunnmore,
                encodeStrict(webDump(sunnmore, "Revidert"), StandardCharsets.ISO_8859_1), false);
        if (!Boolean.getBoolean("tolk.samples.skipDoc")) {
            legacyDoc("havbruk-vesteralen.docx", "havbruk-vesteralen.doc", vesteralen);
        }

        badFiles(docx, pdf, agder);
        System.out.println("Samples written to " + out.toAbsolutePath());
    }

    // ------------------------------------------------------------------ good samples

    private final Map<String, List<String>> extraBoilerplate = new LinkedHashMap<>();

    private void good(String name, Article a, byte[] bytes, boolean tagsInFile) throws IOException {
        Files.write(inbox.resolve(name), bytes);
        writeExpected(name, a, tagsInFile);
        System.out.printf("inbox/%-34s %8d bytes%n", name, bytes.length);
    }

    private void writeExpected(String name, Article a, boolean tagsInFile) throws IOException {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("title", a.title());
        e.put("leadStartsWith", startOf(a.lead(), 60));
        e.put("author", a.author());
        e.put("published", a.published().toLocalDate().toString());
        e.put("revised", a.revised() == null ? null : a.revised().toLocalDate().toString());
        e.put("language", "nb");
        e.put("headings", a.headings());
        e.put("quoteCount", a.quoteCount());
        List<String> mustNot = new ArrayList<>(a.boilerplate());
        mustNot.addAll(extraBoilerplate.getOrDefault(name, List.of()));
        e.put("mustNotContain", mustNot);
        e.put("mustContain", a.mustContain());
        // additional facts, useful for finer-grained tests
        e.put("tags", tagsInFile ? a.tags() : List.of());
        e.put("listItems", a.listItems());
        e.put("caption", a.meta("caption"));
        e.put("photoCredit", a.meta("credit"));
        e.put("image", a.meta("image"));
        Files.writeString(expected.resolve(name + ".json"), json.writeValueAsString(e) + "\n",
                StandardCharsets.UTF_8);
    }

    static String startOf(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max);
        return s.substring(0, cut > 0 ? cut : max);
    }

    // ------------------------------------------------------------------ web-page text dump

    /** Same shape as a text dump of a WordPress news page: title, lead, dates, image block, body, footer. */
    static String webDump(Article a, String revisedLabel) {
        StringBuilder sb = new StringBuilder();
        sb.append(a.title()).append("\n\n");
        sb.append(a.lead()).append(" \n\n");
        sb.append("Publisert ").append(nbDate(a.published())).append('\n');
        if (a.revised() != null) {
            sb.append(revisedLabel).append(' ').append(nbDate(a.revised())).append('\n');
        }
        sb.append("Skrevet av ").append(a.author()).append('\n');
        sb.append(a.title()).append('\n');
        sb.append(a.meta("credit")).append('\n');
        sb.append(a.meta("caption")).append("\n\n");
        List<String> blocks = new ArrayList<>();
        for (Block b : a.body()) {
            blocks.add(b.kind() == Kind.LIST
                    ? String.join("\n", b.items().stream().map(i -> "\u2022 " + i).toList())
                    : b.text());
        }
        sb.append(String.join("\n\n", blocks));
        sb.append("\n\n\n");
        sb.append(Objects.requireNonNull(a.footer(), "web dump needs a footer"));
        return sb.toString();
    }

    static String nbDate(ZonedDateTime d) {
        return d.getDayOfMonth() + ". " + NB_MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
    }

    static byte[] encodeStrict(String s, Charset cs) throws CharacterCodingException {
        CharsetEncoder enc = cs.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bb = enc.encode(CharBuffer.wrap(s));
        byte[] b = new byte[bb.remaining()];
        bb.get(b);
        return b;
    }

    // ------------------------------------------------------------------ DOCX (Apache POI)

    static final String W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    static final String DOCX_STYLES = """
            <w:styles xmlns:w="%s">
              <w:docDefaults>
                <w:rPrDefault><w:rPr>
                  <w:rFonts w:ascii="Calibri" w:eastAsia="Calibri" w:hAnsi="Calibri" w:cs="Times New Roman"/>
                  <w:sz w:val="22"/><w:szCs w:val="22"/>
                  <w:lang w:val="nb-NO" w:eastAsia="en-US" w:bidi="ar-SA"/>
                </w:rPr></w:rPrDefault>
                <w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault>
              </w:docDefaults>
              <w:style w:type="paragraph" w:default="1" w:styleId="Normal">
                <w:name w:val="Normal"/><w:qFormat/>
              </w:style>
              <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
                <w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>
              </w:style>
              <w:style w:type="paragraph" w:styleId="Title">
                <w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
                <w:uiPriority w:val="10"/><w:qFormat/>
                <w:pPr><w:spacing w:after="120" w:line="240" w:lineRule="auto"/><w:contextualSpacing/></w:pPr>
                <w:rPr><w:rFonts w:ascii="Calibri Light" w:hAnsi="Calibri Light"/><w:spacing w:val="-10"/>
                  <w:kern w:val="28"/><w:sz w:val="56"/><w:szCs w:val="56"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="Heading1">
                <w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
                <w:uiPriority w:val="9"/><w:qFormat/>
                <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="0"/><w:outlineLvl w:val="0"/></w:pPr>
                <w:rPr><w:rFonts w:ascii="Calibri Light" w:hAnsi="Calibri Light"/><w:color w:val="2F5496"/>
                  <w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="Heading2">
                <w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
                <w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>
                <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="40" w:after="0"/><w:outlineLvl w:val="1"/></w:pPr>
                <w:rPr><w:rFonts w:ascii="Calibri Light" w:hAnsi="Calibri Light"/><w:color w:val="2F5496"/>
                  <w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="ListParagraph">
                <w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>
                <w:uiPriority w:val="34"/><w:qFormat/>
                <w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="Footer">
                <w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
                <w:pPr><w:tabs><w:tab w:val="center" w:pos="4536"/><w:tab w:val="right" w:pos="9072"/></w:tabs>
                  <w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
                <w:rPr><w:sz w:val="18"/></w:rPr>
              </w:style>
            </w:styles>
            """.formatted(W_NS);

    /** Word's own default bullet list: Symbol-font bullet (U+F0B7) at level 0, "o" at level 1. */
    static final String DOCX_BULLETS = """
            <w:numbering xmlns:w="%s"><w:abstractNum w:abstractNumId="0">
              <w:multiLevelType w:val="hybridMultilevel"/>
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uF0B7"/>
                <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>
                <w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/>
                <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr>
                <w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New" w:hint="default"/></w:rPr></w:lvl>
            </w:abstractNum></w:numbering>
            """.formatted(W_NS);

    byte[] docx(Article a) throws Exception {
        try (XWPFDocument doc = new XWPFDocument()) {
            // parse as documents: CTxxx.Factory.parse would treat the root element as a wrapper
            doc.createStyles().setStyles(StylesDocument.Factory.parse(DOCX_STYLES).getStyles());
            XWPFNumbering numbering = doc.createNumbering();
            CTAbstractNum bullets = NumberingDocument.Factory.parse(DOCX_BULLETS).getNumbering().getAbstractNumArray(0);
            BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(bullets, numbering));
            BigInteger numId = numbering.addNum(abstractId);

            styled(doc, "Title", a.title());
            XWPFParagraph lead = doc.createParagraph();   // lead: Normal style, bold run
            XWPFRun leadRun = lead.createRun();
            leadRun.setBold(true);
            leadRun.setText(a.lead());
            for (Block b : a.body()) {
                switch (b.kind()) {
                    case H1 -> styled(doc, "Heading1", b.text());
                    case H2 -> styled(doc, "Heading2", b.text());
                    case LIST -> {
                        for (String item : b.items()) {
                            XWPFParagraph li = styled(doc, "ListParagraph", item);
                            li.setNumID(numId);
                            li.setNumILvl(BigInteger.ZERO);
                        }
                    }
                    default -> doc.createParagraph().createRun().setText(b.text());
                }
            }
            XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
            XWPFParagraph fp = footer.createParagraph();
            fp.setStyle("Footer");
            fp.createRun().setText(String.join(" \u00b7 ", a.boilerplate()));

            POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
            core.setTitle(a.title());
            core.setCreator(a.author());
            core.setLastModifiedByUser(a.author());
            core.setKeywords(String.join(", ", a.tags()));
            core.setCreated(Optional.of(Date.from(a.published().toInstant())));
            core.setModified(Optional.of(Date.from(a.revised().toInstant())));
            core.getUnderlyingProperties().setLanguageProperty("nb-NO");
            doc.getProperties().getExtendedProperties().getUnderlyingProperties().setCompany("Havbruk Vesterålen");

            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            doc.write(bos);
            return rezip(bos.toByteArray());
        }
    }

    private static XWPFParagraph styled(XWPFDocument doc, String styleId, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(styleId);
        p.createRun().setText(text);
        return p;
    }

    /** Rewrites a zip with fixed entry times (POI stamps entries with the current time). */
    static byte[] rezip(byte[] zip) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipInputStream zis = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream zos = new ZipOutputStream(bos)) {
            ZipEntry e;
            while ((e = zis.getNextEntry()) != null) {
                ZipEntry n = new ZipEntry(e.getName());
                n.setTimeLocal(ZIP_TIME);
                zos.putNextEntry(n);
                zis.transferTo(zos);
                zos.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    // ------------------------------------------------------------------ ODT (hand-built ODF zip)

    static final String ODF_NS = """
            xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
            xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" \
            xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\"""";

    byte[] odt(Article a) throws IOException {
        DateTimeFormatter odfDate = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
        StringBuilder meta = new StringBuilder();
        meta.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<office:document-meta ").append(ODF_NS).append(" office:version=\"1.3\">\n")
                .append(" <office:meta>\n")
                .append("  <meta:generator>Tolk SampleGenerator</meta:generator>\n")
                .append("  <dc:title>").append(xml(a.title())).append("</dc:title>\n")
                .append("  <dc:description>").append(xml(a.lead())).append("</dc:description>\n");
        for (String tag : a.tags()) {
            meta.append("  <meta:keyword>").append(xml(tag)).append("</meta:keyword>\n");
        }
        meta.append("  <meta:initial-creator>").append(xml(a.author())).append("</meta:initial-creator>\n")
                .append("  <dc:creator>").append(xml(a.author())).append("</dc:creator>\n")
                .append("  <meta:creation-date>").append(a.published().format(odfDate)).append("</meta:creation-date>\n")
                .append("  <dc:date>").append(a.revised().format(odfDate)).append("</dc:date>\n")
                .append("  <dc:language>nb-NO</dc:language>\n")
                .append("  <meta:editing-cycles>3</meta:editing-cycles>\n")
                .append(" </office:meta>\n</office:document-meta>\n");

        String styles = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-styles %s office:version="1.3">
                 <office:font-face-decls>
                  <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman"/>
                  <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss"/>
                 </office:font-face-decls>
                 <office:styles>
                  <style:default-style style:family="paragraph">
                   <style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt" fo:language="nb" fo:country="NO"/>
                  </style:default-style>
                  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
                  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
                   <style:paragraph-properties fo:margin-top="0.423cm" fo:margin-bottom="0.212cm" fo:keep-with-next="always"/>
                   <style:text-properties style:font-name="Liberation Sans" fo:font-size="14pt"/>
                  </style:style>
                  <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
                   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.247cm" fo:line-height="115%%"/>
                  </style:style>
                  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Ingress" style:class="chapter">
                   <style:paragraph-properties fo:text-align="start"/>
                   <style:text-properties fo:font-size="28pt" fo:font-weight="bold"/>
                  </style:style>
                  <style:style style:name="Ingress" style:family="paragraph" style:parent-style-name="Text_20_body" style:next-style-name="Text_20_body" style:class="text">
                   <style:text-properties fo:font-size="13pt" fo:font-weight="bold"/>
                  </style:style>
                  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text">
                   <style:text-properties fo:font-size="18pt" fo:font-weight="bold"/>
                  </style:style>
                  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text">
                   <style:text-properties fo:font-size="15pt" fo:font-weight="bold"/>
                  </style:style>
                  <style:style style:name="Quotations" style:family="paragraph" style:parent-style-name="Standard" style:class="html">
                   <style:paragraph-properties fo:margin-left="1cm" fo:margin-right="1cm" fo:margin-bottom="0.247cm"/>
                   <style:text-properties fo:font-style="italic"/>
                  </style:style>
                  <style:style style:name="List_20_Bullet" style:display-name="List Bullet" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list"/>
                 </office:styles>
                 <office:automatic-styles>
                  <style:page-layout style:name="pm1">
                   <style:page-layout-properties fo:page-width="21.001cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
                  </style:page-layout>
                 </office:automatic-styles>
                 <office:master-styles>
                  <style:master-page style:name="Standard" style:page-layout-name="pm1"/>
                 </office:master-styles>
                </office:document-styles>
                """.formatted(ODF_NS);

        StringBuilder body = new StringBuilder();
        body.append("   <text:p text:style-name=\"Title\">").append(xml(a.title())).append("</text:p>\n");
        body.append("   <text:p text:style-name=\"Ingress\">").append(xml(a.lead())).append("</text:p>\n");
        for (Block b : a.body()) {
            switch (b.kind()) {
                case H1, H2 -> {
                    int level = b.kind() == Kind.H1 ? 1 : 2;
                    body.append("   <text:h text:style-name=\"Heading_20_").append(level)
                            .append("\" text:outline-level=\"").append(level).append("\">")
                            .append(xml(b.text())).append("</text:h>\n");
                }
                case LIST -> {
                    body.append("   <text:list text:style-name=\"L1\">\n");
                    for (String item : b.items()) {
                        body.append("    <text:list-item><text:p text:style-name=\"List_20_Bullet\">")
                                .append(xml(item)).append("</text:p></text:list-item>\n");
                    }
                    body.append("   </text:list>\n");
                }
                case QUOTE, BLOCKQUOTE -> body.append("   <text:p text:style-name=\"Quotations\">")
                        .append(xml(b.text())).append("</text:p>\n");
                default -> body.append("   <text:p text:style-name=\"Text_20_body\">")
                        .append(xml(b.text())).append("</text:p>\n");
            }
        }
        String content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content %s office:version="1.3">
                 <office:automatic-styles>
                  <text:list-style style:name="L1">
                   <text:list-level-style-bullet text:level="1" text:style-name="Bullet_20_Symbols" text:bullet-char="\u2022">
                    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
                     <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm" fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/>
                    </style:list-level-properties>
                   </text:list-level-style-bullet>
                  </text:list-style>
                 </office:automatic-styles>
                 <office:body>
                  <office:text>
                %s  </office:text>
                 </office:body>
                </office:document-content>
                """.formatted(ODF_NS, body);

        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
                 <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
                 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>
                """;

        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream zos = new ZipOutputStream(bos)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry m = new ZipEntry("mimetype");
            m.setMethod(ZipEntry.STORED);
            m.setSize(mimetype.length);
            m.setCompressedSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            m.setCrc(crc.getValue());
            m.setTimeLocal(ZIP_TIME);
            zos.putNextEntry(m);
            zos.write(mimetype);
            zos.closeEntry();
            putDeflated(zos, "content.xml", content);
            putDeflated(zos, "styles.xml", styles);
            putDeflated(zos, "meta.xml", meta.toString());
            putDeflated(zos, "META-INF/manifest.xml", manifest);
        }
        return bos.toByteArray();
    }

    private static void putDeflated(ZipOutputStream zos, String name, String text) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ZIP_TIME);
        zos.putNextEntry(e);
        zos.write(text.getBytes(StandardCharsets.UTF_8));
        zos.closeEntry();
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ------------------------------------------------------------------ PDF (Apache PDFBox)

    /** Builds the article PDF; with a non-null policy the document is encrypted. */
    byte[] pdf(Article a, StandardProtectionPolicy policy) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PdfLayout layout = new PdfLayout(doc);
            layout.paragraph(a.title(), layout.bold, 22, 27, 36, 0, null);
            layout.paragraph("Av " + a.author() + " \u00b7 Publisert " + nbDate(a.published())
                    + " \u00b7 Oppdatert " + nbDate(a.revised()), layout.regular, 9, 12, 12, 0, Color.GRAY);
            layout.paragraph(a.lead(), layout.bold, 12.5f, 17, 10, 0, null);
            for (Block b : a.body()) {
                switch (b.kind()) {
                    case H1 -> layout.heading(b.text(), 14);
                    case H2 -> layout.heading(b.text(), 12);
                    case LIST -> {
                        for (String item : b.items()) {
                            layout.paragraph(item, layout.regular, 11, 15.5f, 3, 14, null, "\u2022");
                        }
                        layout.space(5);
                    }
                    default -> layout.paragraph(b.text(), layout.regular, 11, 15.5f, 7, 0, null);
                }
            }
            layout.finish();
            int pages = doc.getNumberOfPages();
            List<String> footers = new ArrayList<>();
            for (int i = 0; i < pages; i++) {
                String footer = "N\u00e6ringsnytt Agder \u00b7 side " + (i + 1) + " av " + pages;
                footers.add(footer);
                try (PDPageContentStream cs = new PDPageContentStream(doc, doc.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    float w = layout.regular.getStringWidth(footer) / 1000 * 8;
                    cs.setNonStrokingColor(Color.GRAY);
                    cs.beginText();
                    cs.setFont(layout.regular, 8);
                    cs.newLineAtOffset((PDRectangle.A4.getWidth() - w) / 2, 30);
                    cs.showText(footer);
                    cs.endText();
                }
            }
            extraBoilerplate.put("gronn-omstilling-agder.pdf", footers);

            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(a.title());
            info.setAuthor(a.author());
            info.setSubject(a.lead());
            info.setKeywords(String.join(", ", a.tags()));
            info.setCreator("Tolk SampleGenerator");
            info.setProducer("Apache PDFBox");
            info.setCreationDate(GregorianCalendar.from(a.published()));
            info.setModificationDate(GregorianCalendar.from(a.revised()));
            doc.getDocumentCatalog().setLanguage("nb-NO");
            fixDocumentId(doc, a.title());
            if (policy != null) {
                doc.protect(policy);
            }
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            doc.save(bos);
            return bos.toByteArray();
        }
    }

    /** PDFBox derives /ID from the clock unless one is set. */
    private static void fixDocumentId(PDDocument doc, String seed) {
        byte[] id = Arrays.copyOf(seed.getBytes(StandardCharsets.UTF_8), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /** Minimal flowing text layout: word wrap, page breaks, headings kept with the next lines. */
    static final class PdfLayout {
        static final float MARGIN = 70;
        static final float BOTTOM = 60;
        final PDDocument doc;
        final PDFont regular;
        final PDFont bold;
        PDPageContentStream cs;
        float y;

        PdfLayout(PDDocument doc) throws IOException {
            this.doc = doc;
            Path reg = Path.of(DEJAVU, "DejaVuSans.ttf");
            Path b = Path.of(DEJAVU, "DejaVuSans-Bold.ttf");
            if (Files.exists(reg) && Files.exists(b)) {
                regular = PDType0Font.load(doc, reg.toFile());
                bold = PDType0Font.load(doc, b.toFile());
            } else { // WinAnsiEncoding covers æøå, – and «»
                regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
                bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            }
            newPage();
        }

        float width() {
            return PDRectangle.A4.getWidth() - 2 * MARGIN;
        }

        void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void space(float dy) {
            y -= dy;
        }

        void heading(String text, float size) throws IOException {
            if (y - 3 * 15.5f - size < BOTTOM) { // keep with the next lines
                newPage();
            } else {
                y -= 6;
            }
            paragraph(text, bold, size, size + 5, size, 0, null); // a clear gap so text extractors split it off
        }

        void paragraph(String text, PDFont font, float size, float leading, float after, float indent,
                       Color color) throws IOException {
            paragraph(text, font, size, leading, after, indent, color, null);
        }

        void paragraph(String text, PDFont font, float size, float leading, float after, float indent,
                       Color color, String bullet) throws IOException {
            List<String> lines = wrap(text, font, size, width() - indent);
            for (int i = 0; i < lines.size(); i++) {
                if (y - leading < BOTTOM) {
                    newPage();
                }
                cs.setNonStrokingColor(color == null ? Color.BLACK : color);
                if (bullet != null && i == 0) {
                    cs.beginText();
                    cs.setFont(font, size);
                    cs.newLineAtOffset(MARGIN + indent - 10, y - size);
                    cs.showText(bullet);
                    cs.endText();
                }
                cs.beginText();
                cs.setFont(font, size);
                cs.newLineAtOffset(MARGIN + indent, y - size);
                cs.showText(lines.get(i));
                cs.endText();
                y -= leading;
            }
            y -= after;
        }

        static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > width && line.length() > 0) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
            return lines;
        }

        void finish() throws IOException {
            cs.close();
        }
    }

    // ------------------------------------------------------------------ HTML (saved web page)

    static String html(Article a) {
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
        String pub = a.published().format(iso);
        String rev = a.revised().format(iso);
        String slug = "leverandorer-i-vestland-bygger-felles-testarena-for-havvind";
        StringBuilder content = new StringBuilder();
        for (Block b : a.body()) {
            switch (b.kind()) {
                case H1 -> content.append("      <h2 class=\"wp-block-heading\">").append(xml(b.text())).append("</h2>\n");
                case H2 -> content.append("      <h3 class=\"wp-block-heading\">").append(xml(b.text())).append("</h3>\n");
                case LIST -> {
                    content.append("      <ul class=\"wp-block-list\">\n");
                    for (String item : b.items()) {
                        content.append("        <li>").append(xml(item)).append("</li>\n");
                    }
                    content.append("      </ul>\n");
                }
                case BLOCKQUOTE -> content.append("      <blockquote class=\"wp-block-quote\">\n        <p>")
                        .append(xml(b.text())).append("</p>\n      </blockquote>\n");
                default -> content.append("      <p>").append(xml(b.text())).append("</p>\n");
            }
        }
        StringBuilder tags = new StringBuilder();
        StringBuilder tagMeta = new StringBuilder();
        for (String t : a.tags()) {
            if (tags.length() > 0) {
                tags.append(", ");
            }
            tags.append("<a href=\"/stikkord/").append(t.toLowerCase(Locale.ROOT).replace("ø", "o"))
                    .append("/\" rel=\"tag\">").append(xml(t)).append("</a>");
            tagMeta.append("<meta property=\"article:tag\" content=\"").append(xml(t)).append("\">\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="nb">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s – Havvindklyngen Vest</title>
                <meta name="description" content="%2$s">
                <meta name="author" content="%3$s">
                <meta name="robots" content="index, follow, max-image-preview:large">
                <link rel="canonical" href="https://havvindvest.no/nyheter/%6$s/">
                <meta property="og:locale" content="nb_NO">
                <meta property="og:type" content="article">
                <meta property="og:site_name" content="Havvindklyngen Vest">
                <meta property="og:title" content="%1$s">
                <meta property="og:description" content="%2$s">
                <meta property="og:url" content="https://havvindvest.no/nyheter/%6$s/">
                <meta property="og:image" content="https://havvindvest.no%7$s">
                <meta property="article:published_time" content="%4$s">
                <meta property="article:modified_time" content="%5$s">
                <meta property="article:author" content="%3$s">
                %10$s<link rel="stylesheet" href="/wp-content/themes/klyngevest/style.css?ver=3.2.1" media="all">
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"%1$s","datePublished":"%4$s","dateModified":"%5$s","inLanguage":"nb-NO","author":{"@type":"Person","name":"%3$s"},"publisher":{"@type":"Organization","name":"Havvindklyngen Vest"}}</script>
                <script src="/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
                <style>.cookie-banner{position:fixed;bottom:0;left:0;right:0;background:#0b2e4f;color:#fff;padding:1rem}</style>
                </head>
                <body class="post-template-default single single-post postid-2417">
                <a class="skip-link screen-reader-text" href="#innhold">Hopp til innhold</a>
                <div id="cookie-banner" class="cookie-banner" role="dialog" aria-label="Samtykke til informasjonskapsler">
                  <p>Vi bruker informasjonskapsler (cookies) for å gi deg en bedre opplevelse og for å analysere trafikken på nettstedet.</p>
                  <button type="button" class="cookie-accept">Godta alle</button>
                  <button type="button" class="cookie-reject">Kun nødvendige</button>
                </div>
                <header class="site-header">
                  <a class="site-logo" href="/"><img src="/wp-content/uploads/2023/01/logo-havvindvest.svg" alt="Havvindklyngen Vest" width="180" height="48"></a>
                  <nav class="main-navigation" aria-label="Hovedmeny">
                    <ul class="menu">
                      <li><a href="/">Hjem</a></li>
                      <li><a href="/om-klyngen/">Om klyngen</a></li>
                      <li><a href="/medlemmer/">Medlemmer</a></li>
                      <li><a href="/prosjekter/">Prosjekter</a></li>
                      <li class="current-menu-item"><a href="/nyheter/" aria-current="page">Nyheter</a></li>
                      <li><a href="/kontakt/">Kontakt</a></li>
                      <li class="menu-button"><a href="/bli-medlem/">Bli medlem</a></li>
                    </ul>
                  </nav>
                </header>
                <main id="innhold" class="site-main">
                  <nav class="breadcrumbs" aria-label="Brødsmuler"><a href="/">Hjem</a> › <a href="/nyheter/">Nyheter</a></nav>
                  <article id="post-2417" class="post type-post status-publish">
                    <header class="entry-header">
                      <h1 class="entry-title">%1$s</h1>
                      <div class="entry-meta">Av <a href="/forfatter/eirik-brekke-dahl/" rel="author">%3$s</a> · Publisert <time class="entry-date published" datetime="%4$s">%8$s</time> · Oppdatert <time class="updated" datetime="%5$s">%9$s</time></div>
                    </header>
                    <p class="ingress">%2$s</p>
                    <figure class="wp-block-image size-large">
                      <img src="%7$s" alt="Teknikere ved kaia i Florø" width="1200" height="675" loading="lazy" decoding="async">
                      <figcaption class="wp-element-caption">%11$s <span class="credit">%12$s</span></figcaption>
                    </figure>
                    <div class="entry-content">
                %13$s    </div>
                    <footer class="entry-footer">
                      <span class="tags-links">Stikkord: %14$s</span>
                      <div class="share-links">Del artikkelen: <a href="https://www.facebook.com/sharer/sharer.php?u=https://havvindvest.no/nyheter/%6$s/">Facebook</a> <a href="https://www.linkedin.com/shareArticle?url=https://havvindvest.no/nyheter/%6$s/">LinkedIn</a> <a href="mailto:?subject=%1$s">E-post</a></div>
                    </footer>
                  </article>
                  <aside class="related-posts">
                    <h2>Les også</h2>
                    <ul>
                      <li><a href="/nyheter/rekordmange-deltakere-pa-havvinddagene/">Rekordmange deltakere på Havvinddagene</a></li>
                      <li><a href="/nyheter/ny-rapport-slik-kan-vestland-vinne-kontraktene/">Ny rapport: Slik kan Vestland vinne kontraktene</a></li>
                    </ul>
                  </aside>
                  <section class="newsletter-signup">
                    <h2>Abonner på nyhetsbrevet</h2>
                    <p>Få nyheter, arrangementer og utlysninger fra klyngen rett i innboksen én gang i måneden.</p>
                    <form action="/nyhetsbrev/" method="post">
                      <label for="nl-epost">Din e-postadresse</label>
                      <input type="email" id="nl-epost" name="epost" placeholder="navn@bedrift.no" required>
                      <button type="submit">Meld meg på</button>
                    </form>
                  </section>
                </main>
                <footer class="site-footer">
                  <div class="footer-contact">
                    <p><strong>Havvindklyngen Vest</strong><br>Kaigaten 12<br>5015 Bergen</p>
                    <p><a href="mailto:post@havvindvest.no">post@havvindvest.no</a><br>Telefon 55 00 12 34</p>
                  </div>
                  <div class="footer-social">
                    <a href="https://www.linkedin.com/company/havvindvest/">Følg oss på LinkedIn</a>
                    <a href="https://www.facebook.com/havvindvest/">Facebook</a>
                  </div>
                  <p class="copyright">© 2024 Havvindklyngen Vest · <a href="/personvern/">Personvern og informasjonskapsler</a></p>
                </footer>
                <script>
                document.querySelectorAll('#cookie-banner button').forEach(function (b) {
                  b.addEventListener('click', function () { document.getElementById('cookie-banner').remove(); });
                });
                </script>
                </body>
                </html>
                """.formatted(xml(a.title()), xml(a.lead()), xml(a.author()), pub, rev, slug, a.meta("image"),
                nbDate(a.published()), nbDate(a.revised()), tagMeta, xml(a.meta("caption")), xml(a.meta("credit")),
                content, tags);
    }

    // ------------------------------------------------------------------ Markdown

    static String markdown(Article a) {
        StringBuilder sb = new StringBuilder();
        sb.append("---\n");
        sb.append("title: \"").append(a.title()).append("\"\n");
        sb.append("author: \"").append(a.author()).append("\"\n");
        sb.append("date: ").append(a.published().toLocalDate()).append('\n');
        sb.append("lang: nb\n");
        sb.append("tags: [").append(String.join(", ", a.tags())).append("]\n");
        sb.append("---\n\n");
        sb.append("# ").append(a.title()).append("\n\n");
        sb.append(a.lead()).append("\n\n");
        for (Block b : a.body()) {
            switch (b.kind()) {
                case H1 -> sb.append("## ").append(b.text());
                case H2 -> sb.append("### ").append(b.text());
                case LIST -> sb.append(String.join("\n", b.items().stream().map(i -> "- " + i).toList()));
                case BLOCKQUOTE -> sb.append("> ").append(b.text());
                default -> sb.append(b.text());
            }
            sb.append("\n\n");
        }
        return sb.toString().stripTrailing() + "\n";
    }

    // ------------------------------------------------------------------ RTF (hand-written)

    static String rtf(Article a) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\\rtf1\\ansi\\ansicpg1252\\deff0\\nouicompat\\deflang1044\n");
        sb.append("{\\fonttbl{\\f0\\froman\\fprq2\\fcharset0 Times New Roman;}{\\f1\\fswiss\\fprq2\\fcharset0 Arial;}}\n");
        sb.append("{\\colortbl ;\\red31\\green56\\blue100;}\n");
        sb.append("{\\stylesheet{\\s0\\snext0\\f0\\fs24\\lang1044 Normal;}")
                .append("{\\s1\\sbasedon0\\snext0\\keepn\\sb240\\sa120\\b\\f1\\fs30\\cf1 heading 1;}")
                .append("{\\s2\\sbasedon0\\snext0\\keepn\\sb200\\sa100\\b\\f1\\fs26\\cf1 heading 2;}")
                .append("{\\s15\\sbasedon0\\snext0\\sa240\\b\\f1\\fs44 Title;}}\n");
        sb.append("{\\info{\\title ").append(rtfText(a.title())).append("}")
                .append("{\\author ").append(rtfText(a.author())).append("}")
                .append("{\\operator ").append(rtfText(a.author())).append("}")
                .append("{\\keywords ").append(rtfText(String.join(", ", a.tags()))).append("}")
                .append(rtfTime("creatim", a.published()))
                .append(a.revised() == null ? "" : rtfTime("revtim", a.revised()))
                .append("}\n");
        sb.append("\\paperw11906\\paperh16838\\margl1417\\margr1417\\margt1417\\margb1417\\viewkind4\\uc1\n");
        sb.append("\\pard\\plain\\s15\\sa240\\b\\f1\\fs44 ").append(rtfText(a.title())).append("\\par\n");
        sb.append("\\pard\\plain\\s0\\sa200\\b\\f0\\fs26 ").append(rtfText(a.lead())).append("\\par\n");
        for (Block b : a.body()) {
            switch (b.kind()) {
                case H1 -> sb.append("\\pard\\plain\\s1\\keepn\\sb240\\sa120\\b\\f1\\fs30\\cf1 ");
                case H2 -> sb.append("\\pard\\plain\\s2\\keepn\\sb200\\sa100\\b\\f1\\fs26\\cf1 ");
                case LIST -> throw new IllegalStateException("lists are not rendered in the RTF sample");
                default -> sb.append("\\pard\\plain\\s0\\sa200\\sl276\\slmult1\\f0\\fs24 ");
            }
            sb.append(rtfText(b.text())).append("\\par\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    static String rtfTime(String word, ZonedDateTime t) {
        return "{\\" + word + "\\yr" + t.getYear() + "\\mo" + t.getMonthValue() + "\\dy" + t.getDayOfMonth()
                + "\\hr" + t.getHour() + "\\min" + t.getMinute() + "}";
    }

    static String rtfText(String s) {
        Charset cp1252 = Charset.forName("windows-1252");
        CharsetEncoder enc = cp1252.newEncoder();
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == '{' || c == '}') {
                sb.append('\\').append(c);
            } else if (c < 0x80) {
                sb.append(c);
            } else if (enc.canEncode(c)) {
                byte b = cp1252.encode(String.valueOf(c)).get();
                sb.append(String.format("\\'%02x", b & 0xff));
            } else {
                sb.append("\\u").append((int) (short) c).append('?');
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ legacy .doc via LibreOffice

    void legacyDoc(String docxName, String docName, Article a) throws Exception {
        Path tmp = Files.createTempDirectory("tolk-doc");
        try {
            Process p;
            try {
                p = new ProcessBuilder("soffice", "--headless", "--norestore",
                        "-env:UserInstallation=file://" + tmp.resolve("profile").toAbsolutePath(),
                        "--convert-to", "doc:MS Word 97", "--outdir", tmp.toString(),
                        inbox.resolve(docxName).toAbsolutePath().toString())
                        .redirectErrorStream(true).start();
            } catch (IOException notInstalled) {
                System.out.println("soffice not found: skipping " + docName
                        + (Files.exists(inbox.resolve(docName)) ? " (keeping the existing file)" : ""));
                return;
            }
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                System.out.println("soffice failed, skipping " + docName + ": " + log);
                return;
            }
            Path produced = tmp.resolve(docxName.replaceAll("\\.docx$", ".doc"));
            Files.copy(produced, inbox.resolve(docName), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            writeExpected(docName, a, true);
            System.out.printf("inbox/%-34s %8d bytes (LibreOffice)%n", docName, Files.size(inbox.resolve(docName)));
        } finally {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    // ------------------------------------------------------------------ broken inputs

    void badFiles(byte[] goodDocx, byte[] goodPdf, Article agder) throws Exception {
        // 1. truncated + damaged zip: no central directory, bytes in the middle overwritten
        byte[] korrupt = Arrays.copyOf(goodDocx, goodDocx.length * 55 / 100);
        Random rnd = new Random(4711);
        int start = goodDocx.length * 30 / 100;
        for (int i = start; i < start + 512 && i < korrupt.length; i++) {
            korrupt[i] = (byte) rnd.nextInt(256);
        }
        writeBad("korrupt.docx", korrupt);

        // 2. encrypted PDF (user password "hemmelig"); RC4-128 keeps the output deterministic (AES uses random IVs)
        AccessPermission perms = new AccessPermission();
        perms.setCanExtractContent(false);
        StandardProtectionPolicy policy = new StandardProtectionPolicy("eier-passord", "hemmelig", perms);
        policy.setEncryptionKeyLength(128);
        policy.setPreferAES(false);
        writeBad("kryptert.pdf", pdf(agder, policy));

        // 3. / 4. empty files
        writeBad("tom.txt", new byte[0]);
        writeBad("tom.docx", new byte[0]);

        // 5. random bytes named .pdf
        byte[] noise = new byte[48 * 1024];
        new Random(20240101L).nextBytes(noise);
        writeBad("soppel.pdf", noise);

        // 6. a PDF cut off after 40 %
        writeBad("halvskrevet.pdf", Arrays.copyOf(goodPdf, goodPdf.length * 40 / 100));

        // 7. zip bomb: word/document.xml inflates to > 200 MB
        zipBomb(bad.resolve("zipbombe.docx"), 210L * 1024 * 1024);
        System.out.printf("bad/%-36s %8d bytes%n", "zipbombe.docx", Files.size(bad.resolve("zipbombe.docx")));

        // 8. valid docx with a picture and no text at all
        writeBad("bare-bilde.docx", imageOnlyDocx());
    }

    private void writeBad(String name, byte[] bytes) throws IOException {
        if (bytes.length > 2 * 1024 * 1024) {
            throw new IllegalStateException(name + " is larger than 2 MB");
        }
        Files.write(bad.resolve(name), bytes);
        System.out.printf("bad/%-36s %8d bytes%n", name, bytes.length);
    }

    static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            </Types>
            """;
    static final String ROOT_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
            </Relationships>
            """;

    /** Streams a docx whose document.xml is {@code size} bytes of repeated paragraphs; never held in memory. */
    static void zipBomb(Path target, long size) throws IOException {
        try (OutputStream fos = Files.newOutputStream(target);
             ZipOutputStream zos = new ZipOutputStream(new java.io.BufferedOutputStream(fos, 1 << 16))) {
            zos.setLevel(Deflater.BEST_COMPRESSION);
            putDeflated(zos, "[Content_Types].xml", CONTENT_TYPES);
            putDeflated(zos, "_rels/.rels", ROOT_RELS);
            ZipEntry doc = new ZipEntry("word/document.xml");
            doc.setTimeLocal(ZIP_TIME);
            zos.putNextEntry(doc);
            byte[] head = ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\""
                    + W_NS + "\"><w:body>").getBytes(StandardCharsets.UTF_8);
            byte[] tail = "</w:body></w:document>".getBytes(StandardCharsets.UTF_8);
            byte[] para = "<w:p><w:r><w:t>Klynge klynge klynge klynge.</w:t></w:r></w:p>"
                    .getBytes(StandardCharsets.UTF_8);
            int per = (1 << 16) / para.length;
            byte[] chunk = new byte[per * para.length];
            for (int i = 0; i < per; i++) {
                System.arraycopy(para, 0, chunk, i * para.length, para.length);
            }
            zos.write(head);
            long written = head.length;
            while (written < size) {
                zos.write(chunk);
                written += chunk.length;
            }
            zos.write(tail);
            zos.closeEntry();
        }
    }

    static byte[] imageOnlyDocx() throws Exception {
        BufferedImage img = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x0b2e4f), 320, 200, new Color(0x6fb1d8)));
        g.fillRect(0, 0, 320, 200);
        g.setColor(new Color(0xf2c14e));
        g.fillOval(210, 30, 60, 60);
        g.setColor(new Color(0x2d6a4f));
        g.fillPolygon(new int[]{0, 90, 170, 250, 320, 320, 0}, new int[]{170, 110, 150, 100, 140, 200, 200}, 7);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);

        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFRun run = doc.createParagraph().createRun();
            try (InputStream in = new ByteArrayInputStream(png.toByteArray())) {
                run.addPicture(in, Document.PICTURE_TYPE_PNG, "image1.png", Units.toEMU(320), Units.toEMU(200));
            }
            POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
            Date when = Date.from(ZonedDateTime.of(2024, 5, 2, 10, 0, 0, 0, OSLO).toInstant());
            core.setCreated(Optional.of(when));
            core.setModified(Optional.of(when));
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            doc.write(bos);
            return rezip(bos.toByteArray());
        }
    }

    // ------------------------------------------------------------------ article model

    enum Kind { H1, H2, PARA, QUOTE, BLOCKQUOTE, LIST }

    record Block(Kind kind, String text, List<String> items) {
        Block map(UnaryOperator<String> f) {
            return new Block(kind, text == null ? null : f.apply(text), items.stream().map(f).toList());
        }
    }

    /** An article parsed from {@code src/test/resources/sample-texts/<slug>.txt} (format in README.md there). */
    record Article(Map<String, String> header, List<Block> body, String footer) {

        static Article load(String slug) throws IOException {
            String res = "/sample-texts/" + slug + ".txt";
            try (InputStream in = SampleGenerator.class.getResourceAsStream(res)) {
                if (in == null) {
                    throw new IOException("missing resource " + res);
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }

        static Article parse(String text) {
            text = text.replace("\r\n", "\n");
            String footer = null;
            int f = text.indexOf("\n=== footer\n");
            if (f >= 0) {
                footer = text.substring(f + "\n=== footer\n".length()).stripTrailing();
                text = text.substring(0, f);
            }
            String[] parts = text.split("\n\n", 2);
            Map<String, String> header = new LinkedHashMap<>();
            for (String line : parts[0].split("\n")) {
                int colon = line.indexOf(": ");
                header.put(line.substring(0, colon).trim(), line.substring(colon + 2).trim());
            }
            List<Block> body = new ArrayList<>();
            for (String raw : parts[1].strip().split("\n\\s*\n")) {
                String b = raw.strip();
                if (b.startsWith("### ")) {
                    body.add(new Block(Kind.H2, b.substring(4), List.of()));
                } else if (b.startsWith("## ")) {
                    body.add(new Block(Kind.H1, b.substring(3), List.of()));
                } else if (b.startsWith("- ")) {
                    body.add(new Block(Kind.LIST, null,
                            Arrays.stream(b.split("\n")).map(l -> l.substring(2).strip()).toList()));
                } else if (b.startsWith("> ")) {
                    body.add(new Block(Kind.BLOCKQUOTE, b.substring(2).replace('\n', ' '), List.of()));
                } else if (b.startsWith(DASH)) {
                    body.add(new Block(Kind.QUOTE, b.replace('\n', ' '), List.of()));
                } else {
                    body.add(new Block(Kind.PARA, b.replace('\n', ' '), List.of()));
                }
            }
            return new Article(header, body, footer);
        }

        Article map(UnaryOperator<String> f) {
            Map<String, String> h = new LinkedHashMap<>();
            header.forEach((k, v) -> h.put(k, f.apply(v)));
            Article mapped = new Article(h, body.stream().map(b -> b.map(f)).toList(),
                    footer == null ? null : f.apply(footer));
            // a dash quote stays a quote after the dash is replaced
            List<Block> fixed = new ArrayList<>();
            for (int i = 0; i < body.size(); i++) {
                Block orig = body.get(i);
                Block m = mapped.body().get(i);
                fixed.add(new Block(orig.kind(), m.text(), m.items()));
            }
            return new Article(h, fixed, mapped.footer());
        }

        String meta(String key) {
            return header.get(key);
        }

        String title() {
            return header.get("title");
        }

        String author() {
            return header.get("author");
        }

        String lead() {
            return header.get("lead");
        }

        ZonedDateTime published() {
            return date(header.get("published"));
        }

        ZonedDateTime revised() {
            return header.containsKey("revised") ? date(header.get("revised")) : null;
        }

        static ZonedDateTime date(String s) {
            return s.contains("T") ? OffsetDateTime.parse(s).atZoneSameInstant(OSLO)
                    : LocalDate.parse(s).atTime(9, 0).atZone(OSLO);
        }

        List<String> tags() {
            String t = header.get("tags");
            return t == null ? List.of() : Arrays.stream(t.split(",")).map(String::strip).toList();
        }

        List<String> boilerplate() {
            String b = header.get("boilerplate");
            return b == null ? List.of() : Arrays.stream(b.split(" \\| ")).map(String::strip).toList();
        }

        List<String> headings() {
            return body.stream().filter(b -> b.kind() == Kind.H1 || b.kind() == Kind.H2).map(Block::text).toList();
        }

        int quoteCount() {
            return (int) body.stream().filter(b -> b.kind() == Kind.QUOTE || b.kind() == Kind.BLOCKQUOTE).count();
        }

        List<String> listItems() {
            return body.stream().filter(b -> b.kind() == Kind.LIST).flatMap(b -> b.items().stream()).toList();
        }

        /**
         * First sentence of the first, a middle and the last plain paragraph, a quote's first sentence
         * (without its dialogue dash, so an extractor may strip it) and the first list item.
         */
        List<String> mustContain() {
            List<Block> paras = body.stream().filter(b -> b.kind() == Kind.PARA).toList();
            List<String> out = new ArrayList<>();
            out.add(firstSentence(paras.get(0).text()));
            out.add(firstSentence(paras.get(paras.size() / 2).text()));
            out.add(firstSentence(paras.get(paras.size() - 1).text()));
            body.stream().filter(b -> b.kind() == Kind.QUOTE || b.kind() == Kind.BLOCKQUOTE).findFirst()
                    .ifPresent(q -> out.add(firstSentence(q.text()).replaceFirst("^[\u2013-] ", "")));
            listItems().stream().findFirst().ifPresent(out::add);
            return out.stream().distinct().toList();
        }

        static String firstSentence(String p) {
            String[] s = p.split("(?<=[.!?])\\s+(?=[A-ZÆØÅ\u2013-])", 2);
            return s[0];
        }
    }

    static {
        TimeZone.setDefault(TimeZone.getTimeZone(OSLO)); // POI/PDFBox format some dates in the default zone
        Locale.setDefault(Locale.ROOT);
    }
}
