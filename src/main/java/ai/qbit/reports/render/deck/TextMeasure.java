package ai.qbit.reports.render.deck;

import org.apache.poi.common.usermodel.fonts.FontInfo;
import org.apache.poi.sl.draw.DrawTextShape;
import org.apache.poi.sl.draw.Drawable;
import org.apache.poi.sl.usermodel.TextParagraph;
import org.apache.poi.sl.usermodel.TextRun;
import org.apache.poi.sl.usermodel.TextShape;
import org.apache.poi.util.Units;
import org.apache.poi.xslf.usermodel.XSLFTextShape;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The height of a placeholder's text as POI lays it out ({@link XSLFTextShape#getTextHeight()}, the same code on
 * the same values), for the fitting loops that measure one text at size after size. POI looks every paragraph and
 * run property up through the slide, layout and master XML on every measurement (four fifths of its time); here
 * the layout runs on a view of the shape that answers each lookup from the first one, except the run sizes, which
 * the fitting changes, and the box, which a multi-column measurement narrows. A measurement is valid while the
 * shape's text and box stay as they were when it was made; the run sizes and paragraph spacing may change between
 * calls.
 */
final class TextMeasure {
    /** Methods the fitting changes the answer of between measurements: always asked of the shape itself. */
    private static final Set<String> LIVE = Set.of("getFontSize", "getSpaceBefore");

    private final XSLFTextShape shape;
    private final Rectangle2D box;
    private final TextShape<?, ?> view;
    private Rectangle2D narrowed;

    TextMeasure(XSLFTextShape shape) {
        this.shape = shape;
        this.box = shape.getAnchor();
        this.view = (TextShape<?, ?>) new Caching(new IdentityHashMap<>()).view(shape);
    }

    /** The laid-out height of the text, its box {@code width} wide (null: as it is), in points. */
    double height(Double width) {
        // the same width the shape's XML would give back after setAnchor: points → whole EMU → points
        narrowed = width == null ? null : new Rectangle2D.Double(emu(box.getX()), emu(box.getY()), emu(width), emu(box.getHeight()));
        BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        // nothing is looked at: lines are drawn from the layouts made for measuring, not laid out again for drawing,
        // and into no pixels (neither changes a measure: the font render context depends on transform and hints only)
        g.setRenderingHint(Drawable.TEXT_RENDERING_MODE, Drawable.TEXT_AS_SHAPES);
        g.setClip(0, 0, 0, 0);
        try {
            return new DrawTextShape(view).drawParagraphs(g, 0, 0);
        } finally {
            g.dispose();
        }
    }

    /** The box the measurement started from, as the shape answers it. */
    Rectangle2D box() {
        return box;
    }

    private static double emu(double points) {
        return Units.toPoints(Units.toEMU(points));
    }

    /** Answers each call on a POI text object from its first answer; returns text objects as views of their own. */
    private final class Caching implements InvocationHandler {
        private final Map<Object, Object> views;
        private final Map<Object, Object> answers = new HashMap<>();
        private Object target;

        Caching(Map<Object, Object> views) {
            this.views = views;
        }

        Object view(Object target) {
            Object v = views.get(target);
            if (v != null) return v;
            Caching h = new Caching(views);
            h.target = target;
            v = Proxy.newProxyInstance(TextMeasure.class.getClassLoader(), interfaces(target.getClass()), h);
            views.put(target, v);
            return v;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            switch (m.getName()) {
                case "equals":
                    if (m.getParameterCount() == 1) return proxy == args[0];
                    break;
                case "hashCode":
                    if (m.getParameterCount() == 0) return System.identityHashCode(proxy);
                    break;
                case "getAnchor":
                    if (target == shape && m.getParameterCount() == 0) return narrowed != null ? narrowed : box;
                    break;
                default:
                    break;
            }
            if (LIVE.contains(m.getName())) return call(m, args);
            Object key = args == null || args.length == 0 ? m : Arrays.asList(m, Arrays.asList(args));
            if (answers.containsKey(key)) {
                Object answer = answers.get(key);
                return answer instanceof Items items ? items.list().iterator() : answer;
            }
            Object answer = wrap(call(m, args));
            if (answer instanceof Iterator<?> it) {
                // an iterator is used up; keep its elements and hand out a fresh one each time
                List<Object> items = new ArrayList<>();
                it.forEachRemaining(items::add);
                answers.put(key, new Items(items));
                return items.iterator();
            }
            answers.put(key, answer);
            return answer;
        }

        private Object call(Method m, Object[] args) throws Throwable {
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        /** Text objects the layout asks further questions of become views; other answers are kept as they are. */
        private Object wrap(Object answer) {
            if (answer instanceof TextShape<?, ?> || answer instanceof TextParagraph<?, ?, ?> || answer instanceof TextRun
                    || answer instanceof FontInfo || answer instanceof TextParagraph.BulletStyle) {
                return view(answer);
            }
            if (answer instanceof Iterator<?> it) {
                List<Object> items = new ArrayList<>();
                it.forEachRemaining(o -> items.add(wrap(o)));
                return items.iterator();
            }
            if (answer instanceof List<?> list) {
                List<Object> items = new ArrayList<>(list.size());
                for (Object o : list) items.add(wrap(o));
                return java.util.Collections.unmodifiableList(items);
            }
            return answer;
        }
    }

    /** The elements of an iterator a method returned. */
    private record Items(List<Object> list) {
    }

    /** Every interface of {@code c} and its superclasses, so type checks on the view answer as on the object. */
    private static Class<?>[] interfaces(Class<?> c) {
        Set<Class<?>> all = new LinkedHashSet<>();
        for (Class<?> k = c; k != null; k = k.getSuperclass()) all.addAll(Arrays.asList(k.getInterfaces()));
        return all.toArray(new Class<?>[0]);
    }
}
