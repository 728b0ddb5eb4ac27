package ai.qbit.reports.model;

/** A headline number of a chapter as the source states it ("超2600万"), what it measures, and where it is stated. */
public record KeyFigure(String value, String label, SourceRef from) {
}
