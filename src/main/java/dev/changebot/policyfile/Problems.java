package dev.changebot.policyfile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects every problem in a file, so the author sees them all at once, in file order. */
final class Problems {

    private final String file;
    private final List<PolicyProblem> problems = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void at(Node node, String message, String hint) {
        at(node.getStartMark(), message, hint);
    }

    void at(Mark mark, String message, String hint) {
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        problems.add(new PolicyProblem(file, line, column, message, hint));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<PolicyProblem> all() {
        return problems.stream()
                .sorted(Comparator.comparingInt(PolicyProblem::line).thenComparingInt(PolicyProblem::column))
                .distinct().toList();
    }
}
