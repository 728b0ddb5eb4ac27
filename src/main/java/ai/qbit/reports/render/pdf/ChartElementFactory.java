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

/** Turns {@code <object type="application/x-chart" data="dataset-id">} into a vector chart; everything else as usual. */
final class ChartElementFactory extends ITextReplacedElementFactory {
    static final String CHART_TYPE = "application/x-chart";
    private final Report report;
    private final ChartFactory charts;
    private final FontMapper fonts;

    ChartElementFactory(ITextOutputDevice device, Report report, ChartFactory charts, FontMapper fonts) {
        super(device);
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
        return super.createReplacedElement(c, box, uac, cssWidth, cssHeight);
    }
}
