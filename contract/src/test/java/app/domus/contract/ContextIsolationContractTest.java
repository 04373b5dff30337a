package app.domus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Contexts depend on the kernel only: no context module's POM names another Domus module than {@code domus-shared},
 * and no source file of a context imports another context's package. (The build enforces the first too, with the
 * {@code contexts-depend-on-the-kernel-only} Enforcer rule of {@code functions/pom.xml}.)
 */
class ContextIsolationContractTest {
    private static final Path FUNCTIONS = CloudFormationYaml.repoRoot().resolve("functions");
    private static final Pattern DOMUS_IMPORT = Pattern.compile("^import (?:static )?app\\.domus\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void noContextModuleDependsOnAnotherDomusModule() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Path> modules = contexts();
        for (Path module : modules) {
            var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(module.resolve("pom.xml").toFile());
            NodeList dependencies = pom.getElementsByTagName("dependency");
            for (int i = 0; i < dependencies.getLength(); i++) {
                Element dependency = (Element) dependencies.item(i);
                String group = text(dependency, "groupId");
                String artifact = text(dependency, "artifactId");
                if ("app.domus".equals(group) && !"domus-shared".equals(artifact)) {
                    problems.add(module.getFileName() + " depends on " + artifact);
                }
            }
        }
        assertThat(modules).as("context modules found").hasSizeGreaterThan(5);
        assertThat(problems).isEmpty();
    }

    @Test
    void noContextImportsAnotherContextsClasses() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path module : contexts()) {
            String context = module.getFileName().toString();
            try (Stream<Path> sources = Files.walk(module.resolve("src"))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher imports = DOMUS_IMPORT.matcher(Files.readString(source));
                    while (imports.find()) {
                        String imported = imports.group(1);
                        if (!imported.equals("shared") && !imported.equals(context)) {
                            problems.add(FUNCTIONS.relativize(source) + " imports app.domus." + imported);
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static List<Path> contexts() throws IOException {
        try (Stream<Path> entries = Files.list(FUNCTIONS)) {
            return entries.filter(p -> Files.exists(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("src"))).sorted().toList();
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }
}
