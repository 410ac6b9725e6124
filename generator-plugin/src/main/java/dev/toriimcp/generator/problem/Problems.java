package dev.toriimcp.generator.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems so that all of them are reported together, in a stable order. */
public final class Problems {
  private final List<Problem> all = new ArrayList<>();

  public void error(String id, String message, SourceLocation location) {
    all.add(new Problem(id, Problem.Severity.ERROR, message, location));
  }

  public void warning(String id, String message, SourceLocation location) {
    all.add(new Problem(id, Problem.Severity.WARNING, message, location));
  }

  /** Appends every problem of {@code other}, in its order. */
  public void addAll(Problems other) {
    all.addAll(other.all);
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
  }

  /** Errors first, then warnings, each in the order they were found. */
  public List<Problem> sorted() {
    List<Problem> out = new ArrayList<>(all);
    out.sort(Comparator.comparing(Problem::severity));
    return List.copyOf(out);
  }

  public List<Problem> errors() {
    return all.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
  }

  public List<Problem> warnings() {
    return all.stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList();
  }
}
