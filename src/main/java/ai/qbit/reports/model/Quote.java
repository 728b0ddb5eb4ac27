package ai.qbit.reports.model;

/** A quotation and who said it (without the leading dash). */
public record Quote(String text, String by) {
}
