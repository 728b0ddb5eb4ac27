package ai.qbit.reports.load;

import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.ChapterKind;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.KeyFigure;
import ai.qbit.reports.model.Part;
import ai.qbit.reports.model.Quote;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.model.SourceRef;
import ai.qbit.reports.model.Theme;
import ai.qbit.reports.lang.LanguagePack;
import ai.qbit.reports.lang.LanguagePacks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns {@code seeds/<report>/} into an immutable, validated {@link Report}. Validation happens here, once:
 * every problem of every file is collected and reported together; writers never see an invalid model.
 */
public final class ReportLoader {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** All chapters together: about 1,500 pages of Chinese text, far above a real report (2024: 400,000). */
    static final long MAX_CHAPTER_CHARS = 3_000_000;
    /** Chapters in one report (front, body and back). */
    static final int MAX_CHAPTERS = 200;

    private final Path assets;
    private final MarkdownReader markdown = new MarkdownReader();

    /** @param assets the project's assets/ directory (themes, fonts) */
    public ReportLoader(Path assets) {
        this.assets = assets;
    }

    /** Loads the report in {@code dir} (seeds/2024); throws {@link ModelException} listing every problem. */
    public Report load(Path dir) {
        Problems problems = new Problems();
        String base = dir.getFileName() == null ? "" : "seeds/" + dir.getFileName() + "/";
        Sandbox folder;
        try {
            folder = Sandbox.of(dir, base);
        } catch (IOException e) {
            problems.add(base, 0, 0, "", "the report folder cannot be opened (" + Sandbox.reason(e) + ")");
            throw new ModelException(problems.list());
        }
        Sandbox.Found manifest = folder.find("report.yaml");
        if (manifest.absent()) problems.add(base + "report.yaml", 0, 0, "", "missing: every report needs a manifest report.yaml");
        if (manifest.problem() != null) problems.add(base + "report.yaml", 0, 0, "", manifest.problem());
        problems.throwIfAny();
        String manifestText = text(manifest.path(), base + "report.yaml", problems);
        YNode root = manifestText == null ? null : YamlDoc.parse(manifestText, base + "report.yaml", problems).orElse(null);
        if (root == null || !root.requireMapping("id", "title", "subtitle", "publisher", "author", "date", "language",
                "theme", "keywords", "numbering", "profile", "outputs", "front", "parts", "chapters", "back")) {
            problems.throwIfAny();
        }
        for (String tree : List.of("templates", "themes", "lang")) folder.checkTree(tree, problems);
        String id = root.text("id");
        root.printedFields("title", "subtitle", "publisher", "author", "keywords");
        LocalDate date = date(root.get("date"));
        String themeName = root.text("theme");
        Theme theme = themeName.isEmpty() ? null : ThemeLoader.load(assets, dir, themeName, problems);
        GlyphCoverage glyphs = theme == null ? null : GlyphCoverage.of(theme);
        GlyphCoverage.checkText(glyphs, manifestText, base + "report.yaml", problems);
        LanguagePack lang = language(root, dir, base, problems, glyphs);
        Map<ChapterKind, String> numbering = ReportSettings.numbering(root.get("numbering"), lang);
        Map<ChapterKind, ReportSettings.Profile> profiles = ReportSettings.profiles(root.get("profile"));
        YNode outputs = root.get("outputs");
        if (!outputs.isMissing()) outputs.requireMapping("deck", "briefs");
        Set<ChapterKind> deckKinds = ReportSettings.kinds(outputs.get("deck"));
        Set<ChapterKind> briefKinds = ReportSettings.kinds(outputs.get("briefs"));

        SourceDocuments sources = new SourceDocuments(folder);
        Map<String, Dataset> datasets = loadDatasets(folder, base, sources, problems, glyphs);

        ChapterReader chapters = new ChapterReader(folder, base, datasets, sources, problems, glyphs, numbering, profiles);
        List<Chapter> front = new ArrayList<>();
        for (YNode c : root.list("front")) chapters.read(c, ChapterKind.SECTION, false).ifPresent(front::add);
        List<Part> parts = new ArrayList<>();
        boolean hasParts = !root.get("parts").isMissing(), hasChapters = !root.get("chapters").isMissing();
        if (hasParts && hasChapters) {
            root.get("chapters").problem("a report has either parts (with their chapters) or chapters, not both");
        } else if (!hasParts && !hasChapters) {
            root.problem("missing the body: list `chapters:` directly, or `parts:` each with its `chapters:`");
        }
        Set<Integer> partNumbers = new HashSet<>();
        for (YNode p : root.list("parts")) {
            if (!p.requireMapping("id", "number", "label", "title", "chapters")) continue;
            String pid = p.text("id");
            p.printedFields("label", "title");
            chapters.checkId(p.get("id"), pid);
            int number = p.integer("number", 1, 99);
            if (!partNumbers.add(number)) p.get("number").problem("part number " + number + " is used twice");
            List<Chapter> list = new ArrayList<>();
            for (YNode c : p.list("chapters")) chapters.read(c, null, true).ifPresent(list::add);
            if (p.list("chapters").isEmpty()) p.get("chapters").problem("a part needs at least one chapter");
            parts.add(new Part(pid, number, p.optText("label").orElse(""), p.text("title"), list));
        }
        if (hasParts && root.list("parts").isEmpty()) root.get("parts").problem("expected at least one part");
        if (hasChapters) {
            List<Chapter> list = new ArrayList<>();
            for (YNode c : root.list("chapters")) chapters.read(c, null, true).ifPresent(list::add);
            if (root.list("chapters").isEmpty()) root.get("chapters").problem("expected at least one chapter");
            parts.add(new Part("", 0, "", "", list));
        }
        List<Chapter> back = new ArrayList<>();
        for (YNode c : root.list("back")) chapters.read(c, ChapterKind.SECTION, false).ifPresent(back::add);
        chapters.checkNumbers();
        long credits = Stream.of(front, back, parts.stream().flatMap(p -> p.chapters().stream()).toList())
                .flatMap(List::stream).filter(Chapter::credits).count();
        if (credits > 1) root.problem("more than one chapter says `credits: true`; mark the one the closing slide lists");

        List<Chapter> all = Stream.of(front, parts.stream().flatMap(p -> p.chapters().stream()).toList(), back).flatMap(List::stream).toList();
        Anchors.check(all, parts, problems);

        Set<String> used = new HashSet<>(chapters.usedDatasets);
        for (Dataset d : datasets.values()) {
            if (!used.contains(d.id())) {
                problems.add(base + "datasets/" + d.id() + ".yaml", 1, 0, "", "no chapter shows this dataset; reference it with ![](figure:" + d.id() + ") or delete it");
            }
        }
        problems.throwIfAny();
        return new Report(id, root.text("title"), root.optText("subtitle").orElse(""), root.text("publisher"),
                root.text("author"), date, root.text("language"), root.textList("keywords"), theme, lang,
                numbering, deckKinds, briefKinds, front, parts, back, datasets);
    }

    /** The language pack the model's `language:` names: the report's own lang/ overrides over the built-in pack. */
    private LanguagePack language(YNode root, Path dir, String base, Problems problems, GlyphCoverage glyphs) {
        String tag = root.text("language");
        YNode at = root.get("language");
        Path builtIn = assets.resolve("lang");
        if (problems.list().stream().anyMatch(p -> p.file().startsWith(base + "lang/"))) return null; // links or FIFOs there: not read
        try {
            Optional<LanguagePack> pack = tag.isEmpty() ? Optional.empty() : LanguagePacks.load(tag, builtIn, dir.resolve("lang"));
            if (pack.isEmpty() && !tag.isEmpty()) {
                at.problem("no language pack for \"" + tag + "\"; the toolkit speaks: " + String.join(", ", LanguagePacks.available(builtIn))
                        + " (add assets/lang/messages_<language>.properties to teach it another)");
            }
            if (pack.isEmpty()) return null;
            for (Path f : pack.get().files()) {
                String display = f.startsWith(dir) ? base + dir.relativize(f) : "assets/" + assets.relativize(f);
                GlyphCoverage.checkText(glyphs, text(f, display, problems), display, problems);
            }
            return pack.get();
        } catch (java.io.IOException | IllegalArgumentException e) {
            at.problem("the language pack for \"" + tag + "\" cannot be read: " + e.getMessage());
            return null;
        }
    }

    private static LocalDate date(YNode n) {
        if (n.isMissing()) {
            n.problem("missing; expected the publication date, e.g. 2024-12-13");
            return LocalDate.EPOCH;
        }
        String s = n.scalar("a date");
        try {
            return LocalDate.parse(s == null ? "" : s.strip());
        } catch (DateTimeParseException e) {
            n.problem("expected a date like 2024-12-13, found \"" + s + "\"");
            return LocalDate.EPOCH;
        }
    }

    /** The text of a model file (checked by the sandbox): UTF-8, within the size limit, no invisible characters. */
    private static String text(Path file, String display, Problems problems) {
        String text = Sandbox.readText(file, display, Sandbox.MAX_FILE_BYTES, problems);
        if (text != null) TextRules.checkInvisible(text, display, problems);
        return text;
    }

    private static Map<String, Dataset> loadDatasets(Sandbox folder, String base, SourceDocuments sources, Problems problems, GlyphCoverage glyphs) {
        Map<String, Dataset> out = new TreeMap<>();
        for (Path f : folder.list("datasets", problems, ".yaml", ".yml")) {
            String display = base + "datasets/" + f.getFileName();
            Sandbox.Found found = folder.check(f);
            if (found.problem() != null) {
                problems.add(display, 0, 0, "", found.problem());
                continue;
            }
            String text = text(found.path(), display, problems);
            if (text == null) continue;
            GlyphCoverage.checkText(glyphs, text, display, problems);
            Dataset d = DatasetLoader.load(f.getFileName().toString(), text, display, sources, problems);
            if (d != null) out.put(d.id(), d);
        }
        return out;
    }

    /** Reads chapter entries, keeping the cross-chapter checks (unique ids, trend numbering, datasets used). */
    private final class ChapterReader {
        final Sandbox dir;
        final String base;
        final Map<String, Dataset> datasets;
        final SourceDocuments sources;
        final Problems problems;
        final Map<String, YNode> ids = new HashMap<>();
        final Map<ChapterKind, Map<Integer, YNode>> explicitNumbers = new java.util.EnumMap<>(ChapterKind.class);
        final Map<ChapterKind, Integer> counters = new java.util.EnumMap<>(ChapterKind.class);
        final Set<String> usedDatasets = new HashSet<>();
        long chapterBytes;
        int read;
        boolean tooMuchText;
        final GlyphCoverage glyphs;
        final Map<ChapterKind, String> numbering;
        final Map<ChapterKind, ReportSettings.Profile> profiles;

        ChapterReader(Sandbox dir, String base, Map<String, Dataset> datasets, SourceDocuments sources, Problems problems, GlyphCoverage glyphs,
                      Map<ChapterKind, String> numbering, Map<ChapterKind, ReportSettings.Profile> profiles) {
            this.glyphs = glyphs;
            this.numbering = numbering;
            this.profiles = profiles;
            this.dir = dir;
            this.base = base;
            this.datasets = datasets;
            this.sources = sources;
            this.problems = problems;
        }

        void checkId(YNode at, String id) {
            if (id.isEmpty()) return;
            if (!ID.matcher(id).matches()) at.problem("id \"" + id + "\": expected lowercase letters, digits and dashes");
            YNode prior = ids.putIfAbsent(id, at);
            if (prior != null) at.problem("duplicate id \"" + id + "\" (first used at line " + prior.line() + ")");
        }

        /**
         * @param forced the kind for front/back matter, or null to read `kind:`
         * @param inBody body chapters are numbered by their kind's style; front and back matter are not
         */
        Optional<Chapter> read(YNode c, ChapterKind forced, boolean inBody) {
            if (++read > MAX_CHAPTERS) {
                if (read == MAX_CHAPTERS + 1) c.problem("more than " + MAX_CHAPTERS + " chapters, the limit for one report; split the report");
                return Optional.empty();
            }
            if (!c.requireMapping("id", "kind", "number", "title", "tagline", "file", "summary", "key_points",
                    "key_figures", "figures", "quote", "kicker", "credits")) return Optional.empty();
            int before = problems.size();
            String id = c.text("id");
            checkId(c.get("id"), id);
            ChapterKind kind = forced != null && c.get("kind").isMissing() ? forced : kind(c);
            int number = inBody ? number(c, kind) : 0;
            if (!inBody && !c.get("number").isMissing()) c.get("number").problem("front and back matter are not numbered; remove `number`");
            c.printedFields("title", "tagline", "summary", "key_points", "kicker");
            String title = c.text("title");
            String tagline = c.optText("tagline").orElse("");
            String summary = c.optText("summary").orElse("");
            List<String> keyPoints = c.textList("key_points");
            List<KeyFigure> keyFigures = keyFigures(c);
            boolean featuredGiven = !c.get("figures").isMissing();
            List<String> figures = c.textList("figures");
            for (int i = 0; i < figures.size(); i++) {
                if (!datasets.containsKey(figures.get(i))) c.get("figures").problem("figure \"" + figures.get(i) + "\" has no dataset datasets/" + figures.get(i) + ".yaml");
            }
            Optional<Quote> quote = quote(c.get("quote"));
            ReportSettings.Profile profile = profiles.get(kind);
            if (profile != null) profile.check(c, kind, keyPoints.size(), keyFigures.size(), figures.size());
            boolean credits = c.bool("credits");
            List<Block> body = body(c, id);
            if (problems.size() > before) return Optional.empty();
            // without `figures:` a chapter features every figure its text shows, in order
            if (!featuredGiven) figures = figuresIn(body);
            usedDatasets.addAll(figures);
            return Optional.of(new Chapter(id, kind, number, title, tagline, summary, keyPoints, keyFigures, figures, quote,
                    body, c.optText("kicker").orElse(""), credits, new SourceRef(base + c.text("file"), 0)));
        }

        private ChapterKind kind(YNode c) {
            String k = c.text("kind");
            Optional<ChapterKind> kind = ChapterKind.parse(k);
            if (kind.isEmpty() && !k.isEmpty()) c.get("kind").problem("expected one of " + ChapterKind.names() + ", found \"" + k + "\"");
            return kind.orElse(ChapterKind.SECTION);
        }

        /** The number a body chapter gets: its `number:` or the next of its kind; 0 when its kind is not numbered. */
        private int number(YNode c, ChapterKind kind) {
            boolean numbered = !"none".equals(numbering.getOrDefault(kind, "none"));
            if (!numbered) {
                if (!c.get("number").isMissing()) c.get("number").problem("chapters of kind " + kind.yamlName()
                        + " are not numbered in this report; remove `number` or set `numbering: {" + kind.yamlName() + ": chapter}`");
                return 0;
            }
            int next = counters.merge(kind, 1, Integer::sum);
            if (c.get("number").isMissing()) return next;
            int number = c.integer("number", 1, 999);
            YNode prior = explicitNumbers.computeIfAbsent(kind, k -> new TreeMap<>()).putIfAbsent(number, c.get("number"));
            if (prior != null) c.get("number").problem(kind.yamlName() + " number " + number + " is used twice (also at line " + prior.line() + ")");
            return number;
        }

        private List<String> figuresIn(List<Block> blocks) {
            List<String> out = new ArrayList<>();
            for (Block b : blocks) {
                if (b instanceof Block.FigureRef f && datasets.containsKey(f.datasetId()) && !out.contains(f.datasetId())) out.add(f.datasetId());
                else if (b instanceof Block.ListBlock l) l.items().forEach(item -> figuresIn(item).forEach(x -> { if (!out.contains(x)) out.add(x); }));
                else if (b instanceof Block.Callout co) figuresIn(co.body()).forEach(x -> { if (!out.contains(x)) out.add(x); });
            }
            return out;
        }

        private List<KeyFigure> keyFigures(YNode c) {
            List<KeyFigure> out = new ArrayList<>();
            for (YNode f : c.list("key_figures")) {
                if (!f.requireMapping("value", "label", "from")) continue;
                f.printedFields("value", "label");
                String value = f.text("value");
                String label = f.text("label");
                String ref = f.text("from");
                if (ref.isEmpty()) continue;
                SourceDocuments.Line line = sources.resolve(ref, f.get("from"));
                if (line == null) continue;
                if (!value.isEmpty() && !SourceDocuments.statedOn(value, List.of(line))) {
                    f.get("value").problem("\"" + value + "\" is not stated on " + ref + "; cite the line that holds this number");
                }
                out.add(new KeyFigure(value, label, new SourceRef(line.file(), line.number())));
            }
            return out;
        }

        private Optional<Quote> quote(YNode q) {
            if (q.isMissing()) return Optional.empty();
            if (!q.requireMapping("text", "by")) return Optional.empty();
            q.printedFields("text", "by");
            return Optional.of(new Quote(q.text("text"), q.text("by").replaceFirst("^[—–-]+\\s*", "")));
        }

        private List<Block> body(YNode c, String id) {
            String file = c.text("file");
            if (file.isEmpty()) return List.of();
            Sandbox.Found found = dir.find(file);
            if (found.absent()) {
                c.get("file").problem("file " + base + file + " does not exist");
                return List.of();
            }
            if (found.problem() != null) {
                c.get("file").problem(base + file + " " + found.problem());
                return List.of();
            }
            String text = text(found.path(), base + file, problems);
            if (text == null) return List.of();
            chapterBytes += text.length();
            if (chapterBytes > MAX_CHAPTER_CHARS && !tooMuchText) {
                tooMuchText = true;
                c.get("file").problem("the chapters together pass " + MAX_CHAPTER_CHARS / 1_000_000 + " million characters, the limit for one report; split the report");
                return List.of();
            }
            if (glyphs != null) glyphs.check(text, base + file, problems);
            List<Block> body = markdown.read(text, base + file, id, problems);
            if (body.isEmpty()) problems.add(base + file, 1, 0, "", "the chapter is empty; expected at least one paragraph");
            for (Block b : body) checkFigures(b, base + file);
            return body;
        }

        private void checkFigures(Block b, String file) {
            if (b instanceof Block.FigureRef f) {
                if (!datasets.containsKey(f.datasetId())) {
                    problems.add(file, f.line(), 0, "", "figure:" + f.datasetId() + " has no dataset datasets/" + f.datasetId() + ".yaml");
                } else {
                    usedDatasets.add(f.datasetId());
                }
            } else if (b instanceof Block.ListBlock l) {
                l.items().forEach(item -> item.forEach(x -> checkFigures(x, file)));
            } else if (b instanceof Block.Callout co) {
                co.body().forEach(x -> checkFigures(x, file));
            }
        }

        /** Explicit numbers of each kind run 1, 2, 3 … without gaps. */
        void checkNumbers() {
            for (var kind : explicitNumbers.entrySet()) {
                int expected = 1;
                for (var e : kind.getValue().entrySet()) {
                    if (e.getKey() != expected) {
                        e.getValue().problem(kind.getKey().yamlName() + " numbers must run 1, 2, 3 … without gaps; expected " + expected + ", found " + e.getKey());
                        break;
                    }
                    expected++;
                }
            }
        }
    }
}
