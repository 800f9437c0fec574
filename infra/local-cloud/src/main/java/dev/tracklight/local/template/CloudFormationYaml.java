package dev.tracklight.local.template;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a CloudFormation / SAM template. The short intrinsic tags ({@code !Ref}, {@code !GetAtt},
 * {@code !Sub}, ...) become their long JSON forms ({@code {"Ref": ...}}), as CloudFormation itself reads them.
 */
public final class CloudFormationYaml {

    private static final List<String> FUNCTIONS = List.of("Ref", "GetAtt", "Sub", "Join", "Select", "Split",
            "If", "Equals", "Not", "And", "Or", "FindInMap", "ImportValue", "GetAZs", "Base64", "Condition");

    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return (Map<String, Object>) new Yaml(new IntrinsicConstructor()).load(reader);
        }
    }

    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor() {
            super(new LoaderOptions());
            for (String function : FUNCTIONS) {
                String name = function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
                yamlConstructors.put(new Tag("!" + function), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        return Map.of(name, value(function, node));
                    }
                });
            }
        }

        private Object value(String function, Node node) {
            return switch (node) {
                case ScalarNode scalar when function.equals("GetAtt") -> List.of(scalar.getValue().split("\\.", 2));
                case ScalarNode scalar -> scalar.getValue();
                case SequenceNode sequence -> constructSequence(sequence);
                case MappingNode mapping -> constructMapping(mapping);
                default -> throw new IllegalArgumentException("unexpected YAML node " + node);
            };
        }
    }
}
