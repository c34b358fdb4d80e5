package uk.trustplatform.pledges;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.PerRequestLoader;
import uk.trustplatform.configuration.DocumentLoaders;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;

/** The pledge feature's loaders and type wirings, one wiring per type. */
@Factory
final class PledgeWirings {

    /** A registered pledge's badge, as the schema shows it. */
    record Badge(String code, String imageUrl, String verificationUrl) {}

    @Singleton
    PerRequestLoader<UUID, ReadingPledgeRegister.LatestPledge> latestOfOrganisation(ReadingPledgeRegister reading) {
        return PerRequestLoader.of(ReadingPledgeRegister.LATEST_OF_ORGANISATION, reading::latestOf);
    }

    @Singleton
    PerRequestLoader<UUID, Integer> noticeDays(ReadingPledgeRegister reading) {
        return PerRequestLoader.of(ReadingPledgeRegister.NOTICE_DAYS, reading::noticeDaysOf);
    }

    @Singleton
    PerRequestLoader<UUID, List<Section11Entry>> entriesOfAudit(ReadingSection11Audits reading) {
        return PerRequestLoader.of(ReadingSection11Audits.ENTRIES_OF_AUDIT, reading::entriesOf);
    }

    @Singleton
    PerRequestLoader<UUID, Section11Audit> auditsById(ReadingSection11Audits reading) {
        return PerRequestLoader.of(ReadingSection11Audits.AUDITS_BY_ID, reading::visible);
    }

    @Bean
    @Named(PledgeRegistration.TYPE)
    GraphQLTypeWiring pledgeRegistration(PublicPledgeRegister register, LondonClock clock) {
        return () -> TypeRuntimeWiring.newTypeWiring(PledgeRegistration.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                PledgeRegistration.TYPE, registration(env).id()))
                .dataFetcher(
                        "partnerOrganisation",
                        env -> organisation(env, registration(env).partnerOrganisationId()))
                .dataFetcher(
                        "pledge",
                        env -> Fetched.<UUID, Object>loader(env, DocumentLoaders.BY_ID)
                                .load(registration(env).pledgeId()))
                .dataFetcher("status", env -> {
                    PledgeRegistration registration = registration(env);
                    return Fetched.<UUID, Integer>loader(env, ReadingPledgeRegister.NOTICE_DAYS)
                            .load(UUID.fromString(registration.tenantId()))
                            .thenApply(notice -> registration.statusOn(clock.today(), notice));
                })
                .dataFetcher("badge", env -> {
                    PledgeRegistration registration = registration(env);
                    if (registration.badgeCode() == null) {
                        return null;
                    }
                    String verification =
                            register.verificationUrl(Callers.of(env).requireTenantSlug(), registration.badgeCode());
                    return new Badge(registration.badgeCode(), verification + "/badge.svg", verification);
                })
                .build();
    }

    @Bean
    @Named(Section11Audit.TYPE)
    GraphQLTypeWiring section11Audit() {
        return () -> TypeRuntimeWiring.newTypeWiring(Section11Audit.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(Section11Audit.TYPE, audit(env).id()))
                .dataFetcher(
                        "partnerOrganisation",
                        env -> organisation(env, audit(env).partnerOrganisationId()))
                .dataFetcher("carriedForwardFrom", env -> {
                    UUID earlier = audit(env).carriedForwardFrom();
                    return earlier == null
                            ? null
                            : Fetched.<UUID, Section11Audit>loader(env, ReadingSection11Audits.AUDITS_BY_ID)
                                    .load(earlier);
                })
                .dataFetcher(
                        "entries",
                        env -> Fetched.<UUID, List<Section11Entry>>loader(env, ReadingSection11Audits.ENTRIES_OF_AUDIT)
                                .load(audit(env).id()))
                .build();
    }

    @Bean
    @Named(Section11Entry.TYPE)
    GraphQLTypeWiring section11Entry() {
        return () -> TypeRuntimeWiring.newTypeWiring(Section11Entry.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                Section11Entry.TYPE,
                                Fetched.<Section11Entry>source(env).id()))
                .build();
    }

    /** The pledge field the register adds to PartnerOrganisation. */
    @Bean
    @Named("PartnerOrganisation.pledge")
    GraphQLTypeWiring partnerOrganisation() {
        return () -> TypeRuntimeWiring.newTypeWiring(PartnerOrganisation.TYPE)
                .dataFetcher(
                        "pledge",
                        env -> latestPledge(
                                env, Fetched.<PartnerOrganisation>source(env).id()))
                .build();
    }

    /**
     * The organisation's latest registration; its tenant's renewal notice, read with it, is put in
     * the request's notice loader, so that the registration's status finds it there.
     */
    private static CompletableFuture<PledgeRegistration> latestPledge(DataFetchingEnvironment env, UUID organisation) {
        DataLoader<UUID, Integer> notice = Fetched.loader(env, ReadingPledgeRegister.NOTICE_DAYS);
        return Fetched.<UUID, ReadingPledgeRegister.LatestPledge>loader(
                        env, ReadingPledgeRegister.LATEST_OF_ORGANISATION)
                .load(organisation)
                .thenApply(latest -> {
                    if (latest == null) {
                        return null;
                    }
                    PledgeRegistration registration = latest.registration();
                    notice.prime(UUID.fromString(registration.tenantId()), latest.noticeDays());
                    return registration;
                });
    }

    private static CompletableFuture<PartnerOrganisation> organisation(DataFetchingEnvironment env, UUID id) {
        return Fetched.<UUID, PartnerOrganisation>loader(env, PartnerDirectory.BY_ID)
                .load(id);
    }

    private static PledgeRegistration registration(DataFetchingEnvironment env) {
        return Fetched.source(env);
    }

    private static Section11Audit audit(DataFetchingEnvironment env) {
        return Fetched.source(env);
    }
}
