package stream.pika.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The layering the style guide asks for, checked on every build: the web module adapts and
 * delegates (it sees the capabilities' boundaries and entities only), a capability reaches another
 * through its boundary, entities depend on nothing above them, the platform knows no capability,
 * and container internals stay behind the one seam ({@value #SEAM}).
 */
class LayeringTest {

    static final String SEAM = "stream.pika.web.container..";
    static final List<String> CAPABILITIES = List.of("live", "interactions", "identity", "push", "events", "crate", "admin");
    static final String[] INTERNALS = {"org.glassfish..", "com.sun..", "fish.payara..", "org.apache.catalina.."};

    private static JavaClasses pika;

    @BeforeAll
    static void importClasses() {
        pika = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("stream.pika");
    }

    @Test
    void theWebModuleUsesOnlyBoundariesAndEntities() {
        noClasses().that().resideInAPackage("stream.pika.web..")
                .should().dependOnClassesThat().resideInAPackage("stream.pika.*.control..")
                .because("web-module holds adapters: they translate and delegate to a boundary")
                .check(pika);
    }

    @Test
    void noCapabilityUsesAnotherCapabilitysControl() {
        for (String capability : CAPABILITIES) {
            for (String other : CAPABILITIES) {
                if (!capability.equals(other)) {
                    ArchRule rule = noClasses().that().resideInAPackage("stream.pika." + capability + "..")
                            .should().dependOnClassesThat().resideInAPackage("stream.pika." + other + ".control..")
                            .because("a capability reaches another through its boundary");
                    rule.allowEmptyShould(true).check(pika);
                }
            }
        }
    }

    @Test
    void entitiesDependOnNothingAboveThem() {
        noClasses().that().resideInAPackage("stream.pika.*.entity..")
                .should().dependOnClassesThat().resideInAnyPackage("stream.pika.*.control..", "stream.pika.*.boundary..")
                .check(pika);
    }

    @Test
    void thePlatformKnowsNoCapability() {
        noClasses().that().resideInAPackage("stream.pika.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES.stream().map(c -> "stream.pika." + c + "..")
                        .toArray(String[]::new))
                .check(pika);
    }

    @Test
    void thePlatformsBoundaryAndControlDoNotFormACycle() {
        noClasses().that().resideInAPackage("stream.pika.platform.control..")
                .should().dependOnClassesThat().resideInAPackage("stream.pika.platform.boundary..")
                .because("the platform's boundary is built on its control, not the other way round")
                .check(pika);
    }

    /**
     * Internals are mostly reached by name (reflection), which a dependency check cannot see: no
     * class file outside the seam may even name them.
     */
    @Test
    void containerInternalsAreNamedOnlyInTheSeam() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (JavaClass type : pika) {
            if (type.getPackageName().startsWith("stream.pika.web.container") || type.getPackageName().startsWith("stream.pika.payara")
                    || type.getName().equals("stream.pika.platform.control.DatabaseSchema")) { // Payara's documented pool properties
                continue;
            }
            Optional<URI> file = type.getSource().map(Source::getUri);
            if (file.isEmpty()) {
                continue;
            }
            String bytes;
            try (InputStream in = file.get().toURL().openStream()) {
                bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            for (String name : List.of("org/glassfish", "org.glassfish", "com/sun/", "com.sun.", "fish/payara", "fish.payara",
                    "org/apache/catalina", "org.apache.catalina")) {
                if (bytes.contains(name)) {
                    offenders.add(type.getName() + " names " + name);
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void containerInternalsStayBehindTheSeam() {
        noClasses().that().resideOutsideOfPackages(SEAM, "stream.pika.payara..") // the launcher drives Micro itself
                .should().dependOnClassesThat().resideInAnyPackage(INTERNALS)
                .because("Payara, Grizzly and Tyrus internals change between releases: one package adapts to them")
                .check(pika);
    }
}
