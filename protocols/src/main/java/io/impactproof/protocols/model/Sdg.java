package io.impactproof.protocols.model;

import java.util.List;

/** UN Sustainable Development Goals a protocol contributes to, e.g. goal "13", target "13.2", indicator "13.2.2". */
public record Sdg(List<String> goals, List<String> targets, List<String> indicators) {
    public Sdg {
        goals = goals == null ? List.of() : List.copyOf(goals);
        targets = targets == null ? List.of() : List.copyOf(targets);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}
