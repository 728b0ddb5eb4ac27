package ai.qbit.reports.render.pdf;

import ai.qbit.reports.chart.ChartFactory;
import ai.qbit.reports.model.Report;
import com.lowagie.text.pdf.FontMapper;
import org.w3c.dom.Element;
import org.xhtmlrenderer.extend.ReplacedElement;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextReplacedElementFactory;
import org.xhtmlrenderer.render.BlockBox;
import ai.qbit.reports.formula.Typeset;
import org.scilab.forge.jlatexmath.TeXIcon;

import java.awt.Color;

/**
 * Turns {@code <object type="application/x-chart" data="dataset-id">} into a vector chart and
 * {@code <object type="application/x-formula" data-latex="…">} into a typeset formula; everything else as usual.
 */
final class ChartElementFactory extends ITextReplacedElementFactory {
    static final String CHART_TYPE = "application/x-chart";
    static final String FORMULA_TYPE = "application/x-formula";
    private final Report report;
    private final ChartFactory charts;
    private final FontMapper fonts;

    private final float dotsPerPoint;

    ChartElementFactory(ITextOutputDevice device, Report report, ChartFactory charts, FontMapper fonts) {
        super(device);
        this.dotsPerPoint = device.getDotsPerPoint();
        this.report = report;
        this.charts = charts;
        this.fonts = fonts;
    }

    @Override
    public ReplacedElement createReplacedElement(LayoutContext c, BlockBox box, UserAgentCallback uac, int cssWidth, int cssHeight) {
        Element e = box.getElement();
        if (e != null && "object".equals(e.getNodeName()) && CHART_TYPE.equals(e.getAttribute("type"))) {
            var d = report.dataset(e.getAttribute("data"));
            return new ChartElement((w, h) -> charts.create(d, w, h), fonts, cssWidth, cssHeight);
        }
        if (e != null && "object".equals(e.getNodeName()) && FORMULA_TYPE.equals(e.getAttribute("type"))) {
            return formula(c, box, e.getAttribute("data-latex"));
        }
        return super.createReplacedElement(c, box, uac, cssWidth, cssHeight);
    }

    /** The formula at the object's font size in the theme's ink, shrunk to its column when wider. */
    private ReplacedElement formula(LayoutContext c, BlockBox box, String latex) {
        float size = box.getStyle().getFont(c).size / dotsPerPoint;
        TeXIcon icon;
        try {
            icon = Typeset.icon(latex, size, Color.decode(report.theme().ink()));
        } catch (Typeset.Refused e) {
            throw new IllegalStateException("a formula the loader accepted does not typeset: " + e.getMessage(), e);
        }
        // the icon's own box, insets included: JLaTeXMath draws within it, and below the "true" height (depth, insets)
        float w = icon.getIconWidth(), h = icon.getIconHeight();
        int column = box.getContainingBlock() == null ? 0 : box.getContainingBlock().getContentWidth();
        float scale = column > 0 && w * dotsPerPoint > column ? column / (w * dotsPerPoint) : 1f;
        return new FormulaElement(icon, scale, Math.round(w * scale * dotsPerPoint), Math.round(h * scale * dotsPerPoint));
    }
}
