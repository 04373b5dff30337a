package app.domus.local.iot;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of the AWS IoT SQL that rules here use: {@code SELECT} of {@code *}, fields (dotted paths),
 * {@code topic()}/{@code topic(n)}, {@code clientid()}, {@code timestamp()}, {@code encode(value, 'base64')} and
 * literals, each optionally {@code AS} a name; {@code FROM} a quoted topic filter with MQTT wildcards; {@code WHERE}
 * with comparisons, {@code AND}, {@code OR}, {@code NOT} and parentheses.
 *
 * <p>A payload need not be JSON: as in IoT Core, a rule applies to any payload, fields of a non-JSON one are
 * undefined (left out of the output, false in comparisons), and {@code encode(*, 'base64')} encodes the payload's
 * bytes whatever they are.
 */
public final class IotSql {
    private static final Pattern STATEMENT = Pattern.compile(
            "(?is)\\s*SELECT\\s+(.*?)\\s+FROM\\s+'([^']*)'\\s*(?:WHERE\\s+(.*?))?\\s*;?\\s*");

    private final List<Selection> selections;
    private final String topicFilter;
    private final Expression where;

    private IotSql(List<Selection> selections, String topicFilter, Expression where) {
        this.selections = selections;
        this.topicFilter = topicFilter;
        this.where = where;
    }

    /**
     * A message as the rule sees it.
     *
     * @param bytes   the payload as published
     * @param payload the payload as JSON, or null when it is not JSON
     */
    public record Message(String topic, String clientId, byte[] bytes, JsonNode payload, long timestamp) {
        public static Message of(String topic, String clientId, byte[] bytes, long timestamp) {
            return new Message(topic, clientId, bytes, Json.readOrNull(new String(bytes, StandardCharsets.UTF_8)), timestamp);
        }
    }

    private record Selection(Expression expression, String name) {}

    public static IotSql parse(String sql) {
        Matcher statement = STATEMENT.matcher(sql);
        if (!statement.matches()) throw new IllegalArgumentException("Not an IoT SQL statement the local cloud understands: " + sql);
        List<Selection> selections = new ArrayList<>();
        for (String item : splitTopLevel(statement.group(1))) {
            Matcher alias = Pattern.compile("(?is)(.*?)\\s+AS\\s+([A-Za-z_][A-Za-z0-9_]*)").matcher(item.trim());
            String expressionText = alias.matches() ? alias.group(1) : item.trim();
            String name = alias.matches() ? alias.group(2) : defaultName(expressionText.trim());
            selections.add(new Selection(new Parser(expressionText).parseWhole(), name));
        }
        Expression where = statement.group(3) == null ? null : new Parser(statement.group(3)).parseWhole();
        return new IotSql(selections, statement.group(2), where);
    }

    /** The rule's output for the message, or empty when the topic or the {@code WHERE} clause does not match. */
    public Optional<ObjectNode> apply(Message message) {
        if (!topicMatches(topicFilter, message.topic())) return Optional.empty();
        if (where != null && !truthy(where.evaluate(message))) return Optional.empty();
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        for (Selection selection : selections) {
            if (selection.expression() instanceof Star) {
                if (message.payload() != null && message.payload().isObject()) output.setAll((ObjectNode) message.payload().deepCopy());
                continue;
            }
            JsonNode value = selection.expression().evaluate(message);
            if (!value.isMissingNode()) output.set(selection.name(), value);
        }
        return Optional.of(output);
    }

    static boolean topicMatches(String filter, String topic) {
        String[] filterLevels = filter.split("/", -1);
        String[] topicLevels = topic.split("/", -1);
        for (int i = 0; i < filterLevels.length; i++) {
            if (filterLevels[i].equals("#")) return true;
            if (i >= topicLevels.length) return false;
            if (!filterLevels[i].equals("+") && !filterLevels[i].equals(topicLevels[i])) return false;
        }
        return filterLevels.length == topicLevels.length;
    }

    private static String defaultName(String expression) {
        int dot = expression.lastIndexOf('.');
        return dot >= 0 && !expression.contains("(") ? expression.substring(dot + 1) : expression;
    }

    private static List<String> splitTopLevel(String selectList) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (char c : selectList.toCharArray()) {
            if (c == '\'') quoted = !quoted;
            if (!quoted && c == '(') depth++;
            if (!quoted && c == ')') depth--;
            if (!quoted && depth == 0 && c == ',') {
                items.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        items.add(current.toString());
        return items;
    }

    private static boolean truthy(JsonNode value) {
        return value.isBoolean() ? value.booleanValue() : !value.isMissingNode() && !value.isNull();
    }

    private sealed interface Expression permits Star, Field, Literal, Call, Comparison, Logical, Not {
        JsonNode evaluate(Message message);
    }

    private record Star() implements Expression {
        public JsonNode evaluate(Message message) {
            return message.payload() == null ? MissingNode.getInstance() : message.payload();
        }
    }

    private record Field(List<String> path) implements Expression {
        public JsonNode evaluate(Message message) {
            JsonNode current = message.payload() == null ? MissingNode.getInstance() : message.payload();
            for (String segment : path) current = current.path(segment);
            return current;
        }
    }

    private record Literal(JsonNode value) implements Expression {
        public JsonNode evaluate(Message message) {
            return value;
        }
    }

    private record Call(String function, List<Expression> arguments) implements Expression {
        public JsonNode evaluate(Message message) {
            return switch (function) {
                case "topic" -> {
                    if (arguments.isEmpty()) yield TextNode.valueOf(message.topic());
                    int level = arguments.getFirst().evaluate(message).asInt();
                    String[] levels = message.topic().split("/");
                    yield level >= 1 && level <= levels.length ? TextNode.valueOf(levels[level - 1]) : MissingNode.getInstance();
                }
                case "clientid" -> TextNode.valueOf(message.clientId());
                case "timestamp" -> JsonNodeFactory.instance.numberNode(message.timestamp());
                case "encode" -> encode(message);
                default -> throw new IllegalArgumentException("IoT SQL function " + function + "() is not supported locally");
            };
        }

        /**
         * {@code encode(value, 'base64')}: {@code *} is the payload's bytes as published, JSON or not; any other value
         * is encoded as its text (a JSON value other than a string as its JSON); an undefined value stays undefined.
         */
        private JsonNode encode(Message message) {
            if (arguments.size() != 2) throw new IllegalArgumentException("IoT SQL encode() takes a value and an encoding scheme");
            String scheme = arguments.get(1).evaluate(message).asText();
            if (!scheme.equals("base64")) throw new IllegalArgumentException("IoT SQL encode() knows only 'base64', not '" + scheme + "'");
            byte[] bytes;
            if (arguments.getFirst() instanceof Star) {
                bytes = message.bytes();
            } else {
                JsonNode value = arguments.getFirst().evaluate(message);
                if (value.isMissingNode()) return value;
                bytes = (value.isTextual() ? value.asText() : value.toString()).getBytes(StandardCharsets.UTF_8);
            }
            return TextNode.valueOf(Base64.getEncoder().encodeToString(bytes));
        }
    }

    private record Comparison(String operator, Expression left, Expression right) implements Expression {
        public JsonNode evaluate(Message message) {
            JsonNode a = left.evaluate(message);
            JsonNode b = right.evaluate(message);
            if (a.isMissingNode() || b.isMissingNode()) return BooleanNode.FALSE;
            int order;
            if (a.isNumber() && b.isNumber()) {
                order = a.decimalValue().compareTo(b.decimalValue());
            } else if (operator.equals("=") || operator.equals("<>") || operator.equals("!=")) {
                order = a.equals(b) ? 0 : 1;
            } else {
                order = a.asText().compareTo(b.asText());
            }
            return BooleanNode.valueOf(switch (operator) {
                case "=" -> order == 0;
                case "<>", "!=" -> order != 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                default -> order >= 0;
            });
        }
    }

    private record Logical(boolean and, Expression left, Expression right) implements Expression {
        public JsonNode evaluate(Message message) {
            boolean l = truthy(left.evaluate(message));
            return BooleanNode.valueOf(and ? l && truthy(right.evaluate(message)) : l || truthy(right.evaluate(message)));
        }
    }

    private record Not(Expression operand) implements Expression {
        public JsonNode evaluate(Message message) {
            return BooleanNode.valueOf(!truthy(operand.evaluate(message)));
        }
    }

    /** Recursive descent over: or := and (OR and)*; and := not (AND not)*; not := NOT not | comparison; comparison := term (op term)?. */
    private static final class Parser {
        private static final Pattern TOKEN = Pattern.compile(
                "\\s*(?:(?<string>'(?:[^']|'')*')|(?<number>-?\\d+(?:\\.\\d+)?)|(?<op><>|!=|<=|>=|=|<|>)|(?<punct>[(),*])|(?<word>[A-Za-z_][A-Za-z0-9_.]*))");
        private final List<String> tokens = new ArrayList<>();
        private int position;

        Parser(String text) {
            Matcher matcher = TOKEN.matcher(text);
            int index = 0;
            while (index < text.length() && matcher.find(index) && matcher.start() == index) {
                tokens.add(matcher.group().trim());
                index = matcher.end();
            }
            if (!text.substring(index).isBlank()) throw new IllegalArgumentException("Cannot read IoT SQL near: " + text.substring(index));
        }

        Expression parseWhole() {
            Expression expression = or();
            if (position != tokens.size()) throw new IllegalArgumentException("Unexpected IoT SQL token " + tokens.get(position));
            return expression;
        }

        private Expression or() {
            Expression left = and();
            while (peekKeyword("OR")) {
                position++;
                left = new Logical(false, left, and());
            }
            return left;
        }

        private Expression and() {
            Expression left = not();
            while (peekKeyword("AND")) {
                position++;
                left = new Logical(true, left, not());
            }
            return left;
        }

        private Expression not() {
            if (peekKeyword("NOT")) {
                position++;
                return new Not(not());
            }
            Expression left = term();
            if (position < tokens.size() && tokens.get(position).matches("<>|!=|<=|>=|=|<|>")) {
                String operator = tokens.get(position++);
                return new Comparison(operator, left, term());
            }
            return left;
        }

        private Expression term() {
            String token = tokens.get(position++);
            if (token.equals("(")) {
                Expression inner = or();
                expect(")");
                return inner;
            }
            if (token.equals("*")) return new Star();
            if (token.startsWith("'")) return new Literal(TextNode.valueOf(token.substring(1, token.length() - 1).replace("''", "'")));
            if (Character.isDigit(token.charAt(0)) || token.startsWith("-")) return new Literal(new DecimalNode(new BigDecimal(token)));
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) return new Literal(BooleanNode.valueOf(lower.equals("true")));
            if (position < tokens.size() && tokens.get(position).equals("(")) {
                position++;
                List<Expression> arguments = new ArrayList<>();
                while (!tokens.get(position).equals(")")) {
                    arguments.add(or());
                    if (tokens.get(position).equals(",")) position++;
                }
                position++;
                return new Call(lower, arguments);
            }
            return new Field(List.of(token.split("\\.")));
        }

        private boolean peekKeyword(String keyword) {
            return position < tokens.size() && tokens.get(position).equalsIgnoreCase(keyword);
        }

        private void expect(String token) {
            if (position >= tokens.size() || !tokens.get(position).equals(token)) throw new IllegalArgumentException("IoT SQL: expected " + token);
            position++;
        }
    }
}
