package io.impactproof.protocols.model;

import java.util.List;
import java.util.Map;

/**
 * The activity a claim is about, identified independently of the protocol so that the same
 * activity claimed under two protocols collides.
 *
 * @param type the activity type, shared by every protocol that measures this kind of activity
 * @param key canonical part name to CEL expression (string result); together they identify one activity
 * @param asset CEL expression (string) naming the asset whose certified periods must not overlap
 * @param period the activity's period
 * @param caseInsensitive key parts (by name), or {@code asset}, whose letter case does not distinguish
 *     two identifiers (a tracking number, a cadastral reference): they are upper-cased once normalised
 */
public record ActivitySpec(
        String type, Map<String, String> key, String asset, PeriodSpec period, List<String> caseInsensitive) {
    public static final String ASSET = "asset";

    public ActivitySpec {
        caseInsensitive = caseInsensitive == null ? List.of() : List.copyOf(caseInsensitive);
    }
}
