package org.gongnon.algorithms.sortition;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the Sortition Foundation's file formats: quotas as {@code feature,value,min,max} (or
 * {@code category,feature,min,max}), people with an optional {@code id} column and one column per
 * feature (rows are numbered from 1 when there is no id). Simple CSV: commas, optional double quotes.
 */
public final class SortitionFiles {

    private SortitionFiles() {
    }

    public static List<Quota> readQuotas(Reader in) throws IOException {
        List<List<String>> rows = readCsv(in);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the quota file is empty");
        }
        List<String> header = rows.getFirst().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        boolean featureValue = header.equals(List.of("feature", "value", "min", "max"));
        boolean categoryFeature = header.equals(List.of("category", "feature", "min", "max"));
        if (!featureValue && !categoryFeature) {
            throw new IllegalArgumentException("the quota file needs the header feature,value,min,max "
                    + "(or category,feature,min,max), found " + String.join(",", rows.getFirst()));
        }
        List<Quota> quotas = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != 4) {
                throw new IllegalArgumentException("quota file line " + (r + 1) + ": expected 4 columns, found " + row.size());
            }
            try {
                quotas.add(new Quota(row.get(0).strip(), row.get(1).strip(), Integer.parseInt(row.get(2).strip()),
                        Integer.parseInt(row.get(3).strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("quota file line " + (r + 1) + ": min and max must be whole numbers");
            }
        }
        return quotas;
    }

    public static List<Person> readPeople(Reader in) throws IOException {
        List<List<String>> rows = readCsv(in);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the people file is empty");
        }
        List<String> header = rows.getFirst().stream().map(String::strip).toList();
        int idColumn = header.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList().indexOf("id");
        List<Person> people = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("people file line " + (r + 1) + ": expected " + header.size()
                        + " columns, found " + row.size());
            }
            Map<String, String> features = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (c != idColumn) {
                    features.put(header.get(c), row.get(c).strip());
                }
            }
            people.add(new Person(idColumn >= 0 ? row.get(idColumn).strip() : String.valueOf(r), features));
        }
        return people;
    }

    /** Rows of fields; blank lines are skipped; a field may be quoted ("a, b" and "say ""hi"""). */
    public static List<List<String>> readCsv(Reader in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(in);
        String line;
        boolean first = true;
        while ((line = reader.readLine()) != null) {
            if (first && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            first = false;
            if (line.isBlank()) {
                continue;
            }
            rows.add(splitLine(line));
        }
        return rows;
    }

    private static List<String> splitLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
