package ai.qbit.reports.render;

import ai.qbit.reports.lang.LanguagePack;
import ai.qbit.reports.model.Report;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Thymeleaf engines over a search path of template folders — a report's own {@code templates/} first, then the
 * toolkit's — in XML mode for the XHTML that Flying Saucer lays out, CSS mode for the stylesheets (theme colours
 * filled in), TEXT mode for Markdown. {@code #{key}} expressions resolve in the report's language pack.
 * Presentation lives in the template files; Java only passes the model.
 */
public final class Templates {
    private final TemplateEngine xml;
    private final TemplateEngine css;
    private final TemplateEngine text;

    /** @param dirs template folders, most specific first; a template is taken from the first folder that has it */
    public Templates(List<Path> dirs) {
        List<Path> existing = dirs.stream().filter(Files::isDirectory).toList();
        this.xml = engine(existing, TemplateMode.XML, ".html");
        this.css = engine(existing, TemplateMode.CSS, ".css");
        this.text = engine(existing, TemplateMode.TEXT, ".md");
    }

    public Templates(Path dir) {
        this(List.of(dir));
    }

    /** The built-in templates under {@code root}, overridden by the report's own {@code seeds/<id>/templates/}. */
    public static Templates forReport(Path root, Report report) {
        return new Templates(List.of(root.resolve("seeds").resolve(report.id()).resolve("templates"), root.resolve("templates")));
    }

    private static TemplateEngine engine(List<Path> dirs, TemplateMode mode, String suffix) {
        TemplateEngine e = new TemplateEngine();
        int order = 1;
        for (Path dir : dirs) {
            FileTemplateResolver r = new FileTemplateResolver();
            r.setPrefix(dir.toAbsolutePath() + "/");
            r.setSuffix(suffix);
            r.setTemplateMode(mode);
            r.setCharacterEncoding(StandardCharsets.UTF_8.name());
            r.setCacheable(true);
            r.setCheckExistence(true); // fall through to the next folder when this one lacks the template
            r.setOrder(order++);
            e.addTemplateResolver(r);
        }
        e.setMessageResolver(new PackMessages());
        return e;
    }

    public String xhtml(String name, Map<String, Object> vars) {
        return xml.process(name, context(vars));
    }

    public String css(String name, Map<String, Object> vars) {
        return css.process(name, context(vars));
    }

    public String markdown(String name, Map<String, Object> vars) {
        return text.process(name, context(vars));
    }

    private static Context context(Map<String, Object> vars) {
        Report report = (Report) vars.get("report");
        Context c = new Context(report.lang().locale());
        c.setVariables(vars);
        return c;
    }

    /** {@code #{key(args)}} in templates: the report's language pack; a key the pack lacks fails the render loudly. */
    private static final class PackMessages extends AbstractMessageResolver {
        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] params) {
            LanguagePack lang = ((Report) context.getVariable("report")).lang();
            return lang.msg(key, params == null ? new Object[0] : params);
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key, Object[] params) {
            throw new IllegalStateException("language pack has no message " + key);
        }
    }
}
