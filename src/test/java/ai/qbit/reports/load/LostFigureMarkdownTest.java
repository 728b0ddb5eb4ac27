package ai.qbit.reports.load;

import ai.qbit.reports.model.Block;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ![caption](lost:)} and {@code ![what](lost:text)}: what the source lost, kept as a visible marker. */
class LostFigureMarkdownTest {
    private final MarkdownReader reader = new MarkdownReader();

    private List<Block> read(String md, Problems problems) {
        return reader.read(md, "ch.md", "ch", problems);
    }

    @Test
    void aLostFigureKeepsItsCaptionAndLineAndIsNotNumbered() {
        Problems p = new Problems();
        List<Block> blocks = read("如下图。\n\n![Transformer模型架构，谷歌、多伦多大学](lost:)\n\n![](figure:t1)\n", p);
        assertTrue(p.isEmpty(), p.list().toString());
        Block.LostFigure lost = assertInstanceOf(Block.LostFigure.class, blocks.get(1));
        assertEquals("Transformer模型架构，谷歌、多伦多大学", lost.caption());
        assertEquals(3, lost.line());
        // the drawn figure after it is still figure 1: a lost figure takes no number
        assertEquals(1, assertInstanceOf(Block.FigureRef.class, blocks.get(2)).number());
    }

    @Test
    void lostTextWorksInsideListsAndCallouts() {
        Problems p = new Problems();
        List<Block> blocks = read("- **用户和场景理解**\n\n  ![原文这一条只有标题](lost:text)\n\n> [!CASE] 百度文库\n> 功能包含：\n>\n> ![功能列表缺失](lost:text)\n", p);
        assertTrue(p.isEmpty(), p.list().toString());
        Block.ListBlock list = assertInstanceOf(Block.ListBlock.class, blocks.get(0));
        assertEquals("原文这一条只有标题", assertInstanceOf(Block.LostText.class, list.items().get(0).get(1)).note());
        Block.Callout box = assertInstanceOf(Block.Callout.class, blocks.get(1));
        assertInstanceOf(Block.LostText.class, box.body().get(box.body().size() - 1));
    }

    @Test
    void aLostMarkerWithoutWordsOrWithAnUnknownKindIsAProblemWithItsLine() {
        Problems p = new Problems();
        read("text\n\n![](lost:)\n\n![说明](lost:picture)\n", p);
        assertEquals(2, p.size(), p.list().toString());
        assertTrue(p.list().get(0).toString().contains("3"), p.list().toString());
        assertTrue(p.list().get(1).toString().contains("lost:text"), p.list().toString());
    }
}
