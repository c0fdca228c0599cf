package org.tweetflow;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * Dependencies run one way, as docs/architecture.md's "Who may import whom" draws them: a package imports packages below it,
 * never above it or beside it (only web and security import each other), and production code never imports the
 * sandbox. Production classes only.
 */
@AnalyzeClasses(packages = "org.tweetflow",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NotFromTestClasses.class})
class ArchitectureTest {

    static final String WEB = "org.tweetflow.web..";
    static final String SECURITY = "org.tweetflow.security..";
    static final String OPS = "org.tweetflow.ops..";
    static final String MEMBER = "org.tweetflow.member..";
    static final String ARCHIVE = "org.tweetflow.archive..";
    static final String COLLECT = "org.tweetflow.collect..";
    static final String CALLS = "org.tweetflow.calls..";
    static final String TWITTER = "org.tweetflow.twitter..";
    static final String OPENHUMANS = "org.tweetflow.openhumans..";
    static final String RATELIMIT = "org.tweetflow.ratelimit..";
    static final String WORK = "org.tweetflow.work..";
    static final String HTTP = "org.tweetflow.http..";
    static final String TOKENS = "org.tweetflow.tokens..";
    /** TweetflowApplication and TweetflowExchange: the root package only, not its subpackages. */
    static final String ROOT = "org.tweetflow";
    static final String CONFIG = "org.tweetflow.config..";
    static final String SANDBOX = "org.tweetflow.sandbox..";

    static final String[] PAGES = {WEB, SECURITY, OPS};
    static final String[] JOBS = {ARCHIVE, COLLECT};
    static final String[] APIS = {TWITTER, OPENHUMANS};
    static final String[] FOUNDATIONS = {RATELIMIT, WORK, HTTP, TOKENS};
    static final String[] CONFIGURATION = {CONFIG, ROOT};

    // Top down, each layer and what its packages may import besides themselves.
    static final MayImport PAGES_IMPORT = new MayImport(PAGES,
            concat(PAGES, new String[] {MEMBER}, JOBS, new String[] {CALLS}, APIS, FOUNDATIONS, CONFIGURATION));
    static final MayImport MEMBERS_IMPORT = new MayImport(new String[] {MEMBER},
            concat(JOBS, new String[] {CALLS}, APIS, FOUNDATIONS, CONFIGURATION));
    static final MayImport JOBS_IMPORT = new MayImport(JOBS,
            concat(new String[] {CALLS}, APIS, FOUNDATIONS, CONFIGURATION));
    static final MayImport CALLS_IMPORT = new MayImport(new String[] {CALLS},
            concat(APIS, FOUNDATIONS, CONFIGURATION));
    static final MayImport APIS_IMPORT = new MayImport(APIS, concat(FOUNDATIONS, CONFIGURATION));
    static final MayImport FOUNDATIONS_IMPORT = new MayImport(FOUNDATIONS, CONFIGURATION);
    static final MayImport CONFIGURATION_IMPORTS = new MayImport(CONFIGURATION, CONFIGURATION);
    static final MayImport SANDBOX_IMPORTS = new MayImport(new String[] {SANDBOX}, CONFIGURATION);

    @ArchTest
    static final ArchRule thePagesAndTheOAuthWiringKnowAllButTheSandbox = PAGES_IMPORT.rule();

    @ArchTest
    static final ArchRule membersDoNotKnowThePagesOrTheOAuthWiring = MEMBERS_IMPORT.rule();

    @ArchTest
    static final ArchRule jobsDoNotKnowTheMembersThePagesOrTheOAuthWiring = JOBS_IMPORT.rule();

    @ArchTest
    static final ArchRule whatAFailedCallMeansKnowsTheApisNotTheJobs = CALLS_IMPORT.rule();

    @ArchTest
    static final ArchRule theApisKnowNeitherTheJobsNorEachOther = APIS_IMPORT.rule();

    @ArchTest
    static final ArchRule budgetWorkQueueHttpTargetAndTokenPortKnowOnlyTheConfiguration = FOUNDATIONS_IMPORT.rule();

    @ArchTest
    static final ArchRule theConfigurationImportsNothingOfOursButItself = CONFIGURATION_IMPORTS.rule();

    @ArchTest
    static final ArchRule theSandboxKnowsOnlyTheConfiguration = SANDBOX_IMPORTS.rule();

    @ArchTest
    static final ArchRule productionCodeDoesNotKnowTheSandbox = noClasses().that().resideOutsideOfPackage(SANDBOX)
            .should().dependOnClassesThat().resideInAPackage(SANDBOX)
            .because("the sandbox stands apart: production runs without it");

    /** A new package is placed in the diagram (and here) before it is written. */
    @ArchTest
    static final ArchRule everyPackageHasItsPlaceInTheDiagram = classes().should().resideInAnyPackage(
            concat(PAGES, new String[] {MEMBER}, JOBS, new String[] {CALLS}, APIS, FOUNDATIONS, CONFIGURATION,
                    new String[] {SANDBOX}));

    /**
     * The same rules read from the sources' import lines: javac copies a constant into the class that uses it, so
     * the bytecode does not show an import made only for constants (openhumans using ArchiveFormat.BASENAME).
     */
    @ArchTest
    static void sourceImportsFollowTheSameDirection(JavaClasses ignored) throws IOException {
        Pattern packageLine = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
        Pattern ourImport = Pattern.compile("^import (?:static )?(org\\.tweetflow\\.[\\w.]+);", Pattern.MULTILINE);
        List<String> violations = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/tweetflow"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                Matcher declared = packageLine.matcher(text);
                String from = declared.find() ? declared.group(1) : "";
                Matcher imports = ourImport.matcher(text);
                while (imports.find()) {
                    String to = packageOf(imports.group(1));
                    boolean allowed = Stream.of(PAGES_IMPORT, MEMBERS_IMPORT, JOBS_IMPORT, CALLS_IMPORT, APIS_IMPORT,
                            FOUNDATIONS_IMPORT, CONFIGURATION_IMPORTS, SANDBOX_IMPORTS)
                            .filter(layer -> layer.covers(from)).allMatch(layer -> layer.allows(from, to));
                    if (!allowed || (!matches(SANDBOX, from) && matches(SANDBOX, to))) {
                        violations.add(source + " imports " + imports.group(1));
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** Each of {@code packages} may import itself and {@code allowed}, and anything not ours (JDK, Spring, Camel). */
    record MayImport(String[] packages, String[] allowed) {

        /** One rule per package, so neighbours in the same layer may not import each other unless allowed. */
        ArchRule rule() {
            CompositeArchRule rule = null;
            for (String own : packages) {
                ArchRule ownRule = classes().that().resideInAPackage(own).should().onlyDependOnClassesThat(
                        resideOutsideOfPackage("org.tweetflow..").or(resideInAnyPackage(concat(allowed,
                                new String[] {own})))).allowEmptyShould(true);
                rule = rule == null ? CompositeArchRule.of(ownRule) : rule.and(ownRule);
            }
            return rule;
        }

        boolean covers(String javaPackage) {
            return Stream.of(packages).anyMatch(own -> matches(own, javaPackage));
        }

        boolean allows(String from, String to) {
            return Stream.of(packages).filter(own -> matches(own, from)).anyMatch(own -> matches(own, to))
                    || Stream.of(allowed).anyMatch(pattern -> matches(pattern, to));
        }
    }

    /** DoNotIncludeTests knows target/test-classes only; {@code -Dbuild.dir=...} puts them elsewhere. */
    static final class NotFromTestClasses implements ImportOption {

        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }

    private static boolean matches(String pattern, String javaPackage) {
        return PackageMatcher.of(pattern).matches(javaPackage);
    }

    /** The package of a class (or of a static member) named in full: the names before the first capitalised one. */
    private static String packageOf(String qualifiedName) {
        List<String> names = new ArrayList<>();
        for (String name : qualifiedName.split("\\.")) {
            if (Character.isUpperCase(name.charAt(0))) {
                break;
            }
            names.add(name);
        }
        return String.join(".", names);
    }

    private static String[] concat(String[]... groups) {
        return Stream.of(groups).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
