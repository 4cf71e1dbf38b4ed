package com.magazine.content;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** The layout of docs/house-style: package by feature, thin resources, entities and repositories kept inside. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.magazine.content");

    private static final ArchRule commonKnowsNoFeature = noClasses()
            .that().resideInAPackage("..content.common..")
            .should().dependOnClassesThat().resideInAnyPackage("..content.access..", "..content.author..",
                    "..content.article..", "..content.quotation..", "..content.comment..",
                    "..content.demo..", "..content.asset..", "..content.feed..");

    private static final ArchRule entitiesStayInTheirFeature = classes()
            .that().areAnnotatedWith(Entity.class).or().haveSimpleNameEndingWith("Repository")
            .should(beUsedOnlyInTheirOwnPackage())
            .because("another feature goes through the owning feature's service and records");

    private static final ArchRule entitiesAreNotPublic = classes()
            .that().areAnnotatedWith(Entity.class).or().haveSimpleNameEndingWith("Repository")
            .should().notBePublic();

    private static final ArchRule resourcesAreThin = noClasses()
            .that().areAnnotatedWith(Path.class)
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .orShould().beAnnotatedWith(Transactional.class)
            .because("resources read the request, call one service method and shape the answer");

    private static final ArchRule resourcesDoNotTouchEntities = noClasses()
            .that().areAnnotatedWith(Path.class)
            .should().dependOnClassesThat().areAnnotatedWith(Entity.class);

    private static final ArchRule featuresHaveNoCycles = slices().matching("com.magazine.content.(*)..")
            .should().beFreeOfCycles();

    @Test
    void commonKnowsNoFeature() {
        commonKnowsNoFeature.check(CLASSES);
    }

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
        return new ArchCondition<>("be used only in their own package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                type.getDirectDependenciesToSelf().stream()
                        .filter(dependency -> !dependency.getOriginClass().getPackageName().equals(type.getPackageName()))
                        .forEach(dependency -> events.add(SimpleConditionEvent.violated(dependency,
                                dependency.getDescription())));
            }
        };
    }

    @Test
    void entitiesStayInTheirFeature() {
        entitiesStayInTheirFeature.check(CLASSES);
    }

    @Test
    void entitiesAreNotPublic() {
        entitiesAreNotPublic.check(CLASSES);
    }

    @Test
    void resourcesAreThin() {
        resourcesAreThin.check(CLASSES);
    }

    @Test
    void resourcesDoNotTouchEntities() {
        resourcesDoNotTouchEntities.check(CLASSES);
    }

    @Test
    void featuresHaveNoCycles() {
        featuresHaveNoCycles.check(CLASSES);
    }
}
