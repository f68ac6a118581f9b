package dev.changebot.persistence.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SQL written with named parameters ({@code :workspaceId}, as in the repositories' queries) turned
 * into JDBC's positional ones once; {@link #values} lines a request's values up with them. A cast
 * ({@code ::jsonb}) is not a parameter.
 */
record NamedSql(String jdbc, List<String> names) {

    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([a-zA-Z]\\w*)");

    static NamedSql of(String sql) {
        var names = new ArrayList<String>();
        var matcher = PARAMETER.matcher(sql);
        var positional = new StringBuilder();
        while (matcher.find()) {
            names.add(matcher.group(1));
            matcher.appendReplacement(positional, "?");
        }
        matcher.appendTail(positional);
        return new NamedSql(positional.toString(), List.copyOf(names));
    }

    /** The values in parameter order; a name without a value is a mistake of ours, not input. */
    Object[] values(Map<String, ?> byName) {
        var values = new Object[names.size()];
        for (int i = 0; i < values.length; i++) {
            var name = names.get(i);
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("No value for :" + name + " in " + jdbc);
            }
            values[i] = byName.get(name);
        }
        return values;
    }
}
