package org.gongnon.algorithms.tables;

/**
 * How many tables: either a target size (table count = ceil(n / size), so no table is larger than the
 * target) or a fixed table count. Either way the sizes differ by at most one.
 */
public sealed interface TableSizing {

    /** The number of tables for n participants; checks the request and refuses it when it cannot be met. */
    int tablesFor(int participants);

    static TableSizing targetSize(int size) {
        return new TargetSize(size);
    }

    static TableSizing tableCount(int count) {
        return new TableCount(count);
    }

    /** Tables of at most {@code size} people, as few tables as that allows. */
    record TargetSize(int size) implements TableSizing {
        @Override
        public int tablesFor(int participants) {
            if (size < 2) {
                throw new TableAssignmentException(TableAssignmentException.Reason.SIZE_OUT_OF_RANGE,
                        "a table needs room for at least 2 people, asked for " + size);
            }
            return Math.max(1, (participants + size - 1) / size);
        }
    }

    /** Exactly {@code count} tables. */
    record TableCount(int count) implements TableSizing {
        @Override
        public int tablesFor(int participants) {
            if (count < 1) {
                throw new TableAssignmentException(TableAssignmentException.Reason.TABLE_COUNT_OUT_OF_RANGE,
                        "at least one table is needed, asked for " + count);
            }
            return count;
        }
    }
}
