package dev.toriimcp.generator.problem;

import java.util.List;
import java.util.stream.Collectors;

/** The inputs have errors; the message lists every one of them. */
public final class GenerationException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public GenerationException(List<Problem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String render(List<Problem> problems) {
    long errors = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
    return errors
        + (errors == 1 ? " problem" : " problems")
        + " in the API description or overlays:\n"
        + problems.stream()
            .filter(p -> p.severity() == Problem.Severity.ERROR)
            .map(p -> "  " + p.render())
            .collect(Collectors.joining("\n"));
  }
}
