package ai.qbit.reports.render;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The Thymeleaf engines over {@code templates/}: XML mode for the XHTML that Flying Saucer lays out
 * (it needs well-formed XML), CSS mode for the stylesheets (theme colours filled in), TEXT mode for Markdown.
 * Presentation lives in the template files; Java only passes the model.
 */
public final class Templates {
    private final TemplateEngine xml;
    private final TemplateEngine css;
    private final TemplateEngine text;

    public Templates(Path dir) {
        this.xml = engine(dir, TemplateMode.XML, ".html");
        this.css = engine(dir, TemplateMode.CSS, ".css");
        this.text = engine(dir, TemplateMode.TEXT, ".md");
    }

    private static TemplateEngine engine(Path dir, TemplateMode mode, String suffix) {
        FileTemplateResolver r = new FileTemplateResolver();
        r.setPrefix(dir.toAbsolutePath() + "/");
        r.setSuffix(suffix);
        r.setTemplateMode(mode);
        r.setCharacterEncoding(StandardCharsets.UTF_8.name());
        r.setCacheable(true);
        TemplateEngine e = new TemplateEngine();
        e.setTemplateResolver(r);
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
        Context c = new Context(Locale.SIMPLIFIED_CHINESE);
        c.setVariables(vars);
        return c;
    }
}
