package dev.changebot.persistence.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one-statement write names change_request's columns and binds the row's values in the same order. */
class CommandWriteTest {

    @Test
    @DisplayName("the columns written are ChangeRow's components after its id, in order")
    void columnsFollowTheRow() {
        var components = Arrays.stream(ChangeRow.class.getRecordComponents())
                .map(component -> component.getName().replaceAll("([A-Z])", "_$1").toLowerCase())
                .skip(1)
                .toList();

        assertThat(CommandWrite.ROW_COLUMNS).containsExactlyElementsOf(components);
    }

    @Test
    @DisplayName("each of the row's values is bound to its own column")
    void valuesFollowTheColumns() throws Exception {
        var accessors = ChangeRow.class.getRecordComponents();
        var arguments = new Object[accessors.length];
        for (int i = 0; i < accessors.length; i++) {
            arguments[i] = distinctValue(accessors[i].getType(), i);
        }
        var row = (ChangeRow) ChangeRow.class.getDeclaredConstructors()[0].newInstance(arguments);

        var values = CommandWrite.rowValues(row);

        assertThat(values).hasSize(CommandWrite.ROW_COLUMNS.size());
        for (int i = 0; i < values.length; i++) {
            assertThat(values[i]).as(CommandWrite.ROW_COLUMNS.get(i)).isEqualTo(arguments[i + 1]);
        }
    }

    private static Object distinctValue(Class<?> type, int index) {
        if (type == String.class) {
            return "value " + index;
        }
        if (type == Long.class || type == long.class) {
            return (long) index;
        }
        if (type == int.class) {
            return index;
        }
        if (type == Instant.class) {
            return Instant.ofEpochSecond(index);
        }
        throw new IllegalArgumentException("No distinct value for " + type);
    }
}
