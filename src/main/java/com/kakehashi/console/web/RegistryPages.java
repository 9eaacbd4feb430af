package com.kakehashi.console.web;

import static com.kakehashi.console.web.SettlementPages.nonNull;
import static com.kakehashi.console.web.SettlementPages.ok;

import com.kakehashi.bank.application.PartnerBanks;
import com.kakehashi.bank.domain.PartnerBank;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.console.session.ConsoleSession;
import com.kakehashi.console.view.Formats;
import com.kakehashi.merchant.application.Merchants;
import com.kakehashi.merchant.domain.Merchant;
import com.kakehashi.merchant.domain.MerchantRegistration;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The partner bank and merchant registries: read, and edit both with versioned writes (a conflict is shown). */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class RegistryPages {
    @Inject
    @Location("console/banks")
    Template banksPage;

    @Inject
    @Location("console/bank")
    Template bankPage;

    @Inject
    @Location("console/merchants")
    Template merchantsPage;

    @Inject
    @Location("console/merchant")
    Template merchantPage;

    @Inject
    Pages pages;

    @Inject
    ErrorPages errors;

    @Inject
    ConsoleSession session;

    @Inject
    PartnerBanks banks;

    @Inject
    Merchants merchants;

    @TemplateData
    public record BankForm(
            String id,
            String name,
            String country,
            String currency,
            String bic,
            String timeZone,
            String settlementAccount,
            String cutoffSchedule,
            boolean pain001,
            boolean csv,
            String deliveryChannel,
            String deliveryTarget,
            long version,
            String settlesFrom) {
        static BankForm of(PartnerBank b, Formats f) {
            return new BankForm(
                    b.id(),
                    b.name(),
                    b.country(),
                    b.currency(),
                    b.bic(),
                    b.timeZone().getId(),
                    nonNull(b.settlementAccount()),
                    String.join("; ", b.cutoffSchedule()),
                    b.fileFormats().contains(PartnerBank.FileFormat.PAIN001),
                    b.fileFormats().contains(PartnerBank.FileFormat.CSV),
                    b.deliveryChannel().name(),
                    nonNull(b.deliveryTarget()),
                    b.version(),
                    f.time(b.settlesFrom()));
        }
    }

    @TemplateData
    public record MerchantRow(
            String id,
            String name,
            String city,
            String country,
            String currency,
            String mcc,
            String bankId,
            String payoutAccount,
            String status,
            String created) {}

    /** A merchant as the edit form shows it; country, currency, status and creation are shown, not edited. */
    @TemplateData
    public record MerchantForm(
            String id,
            String name,
            String city,
            String country,
            String currency,
            String mcc,
            String bankId,
            String payoutAccount,
            String payoutAccountHolderKana,
            String status,
            String created,
            long version) {
        static MerchantForm of(Merchant m, Formats f) {
            return new MerchantForm(
                    m.id().toString(),
                    m.name(),
                    m.city(),
                    m.country(),
                    m.currency().getCurrencyCode(),
                    m.mcc(),
                    m.bankId(),
                    m.payoutAccount(),
                    nonNull(m.payoutAccountHolderKana()),
                    m.status().name(),
                    f.time(m.createdAt()),
                    m.version());
        }

        static MerchantForm submitted(Merchant stored, MultivaluedMap<String, String> form, Formats f) {
            long version;
            try {
                version = Long.parseLong(nonNull(form.getFirst("version")));
            } catch (NumberFormatException e) {
                throw new BusinessException(ErrorCode.INVALID_REQUEST, "version is missing");
            }
            return new MerchantForm(
                    stored.id().toString(),
                    field(form, "name"),
                    field(form, "city"),
                    stored.country(),
                    stored.currency().getCurrencyCode(),
                    field(form, "mcc"),
                    field(form, "bankId"),
                    field(form, "payoutAccount"),
                    nonNull(form.getFirst("payoutAccountHolderKana")).strip(),
                    stored.status().name(),
                    f.time(stored.createdAt()),
                    version);
        }
    }

    @GET
    @Path("/banks")
    public Response bankList() {
        session.operator();
        Formats f = new Formats(session.zone());
        var rows = banks.all().stream().map(b -> BankForm.of(b, f)).toList();
        return ok(pages.page(banksPage, "banks").data("rows", rows).render());
    }

    @GET
    @Path("/banks/{id}")
    public Response bank(@PathParam("id") String id) {
        session.operator();
        Formats f = new Formats(session.zone());
        BankForm current = BankForm.of(banks.byId(id), f);
        return ok(edit(current, null, "", 200));
    }

    /** Saves with the version the form was read at; a newer version in store is a conflict, shown beside the edit. */
    @POST
    @Path("/banks/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveBank(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        session.checkCsrf(form.getFirst("csrf"));
        session.operator();
        Formats f = new Formats(session.zone());
        PartnerBank stored = banks.byId(id);
        BankForm submitted = submitted(stored, form, f);
        try {
            banks.update(id, toBank(stored, submitted), submitted.version());
        } catch (BusinessException e) {
            if (e.errorCode() == ErrorCode.CONCURRENT_MODIFICATION) {
                BankForm now = BankForm.of(banks.byId(id), f);
                return Response.status(409)
                        .type(MediaType.TEXT_HTML_TYPE)
                        .entity(edit(submitted, now, e.getMessage(), 409))
                        .build();
            }
            return Response.status(e.errorCode().status())
                    .type(MediaType.TEXT_HTML_TYPE)
                    .entity(edit(
                            submitted,
                            null,
                            e.errorCode().code() + ": " + e.getMessage(),
                            e.errorCode().status()))
                    .build();
        }
        return Pages.seeOther("/console/banks/" + id, "saved");
    }

    @GET
    @Path("/merchants")
    public Response merchantList(@QueryParam("page") @DefaultValue("0") int page) {
        session.operator();
        Formats f = new Formats(session.zone());
        List<Merchant> fetched = merchants.list(Math.max(0, page) * Pages.PAGE_SIZE, Pages.PAGE_SIZE);
        var rows = fetched.stream()
                .map(m -> new MerchantRow(
                        m.id().toString(),
                        m.name(),
                        m.city(),
                        m.country(),
                        m.currency().getCurrencyCode(),
                        m.mcc(),
                        m.bankId(),
                        m.payoutAccount(),
                        m.status().name(),
                        f.time(m.createdAt())))
                .toList();
        return ok(pages.page(merchantsPage, "merchants")
                .data("rows", rows)
                .data("paging", Paging.of(page, fetched, ""))
                .render());
    }

    @GET
    @Path("/merchants/{id}")
    public Response merchant(@PathParam("id") UUID id) {
        session.operator();
        return ok(editMerchant(MerchantForm.of(merchants.byId(id), new Formats(session.zone())), null, ""));
    }

    /** Saves with the version the form was read at, like a bank: a newer version in store is shown beside the edit. */
    @POST
    @Path("/merchants/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveMerchant(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        session.checkCsrf(form.getFirst("csrf"));
        session.operator();
        Formats f = new Formats(session.zone());
        MerchantForm submitted = MerchantForm.submitted(merchants.byId(id), form, f);
        try {
            merchants.update(
                    id,
                    MerchantRegistration.of(
                            submitted.name(),
                            submitted.city(),
                            submitted.country(),
                            submitted.currency(),
                            submitted.mcc(),
                            submitted.bankId(),
                            submitted.payoutAccount(),
                            submitted.payoutAccountHolderKana().isEmpty() ? null : submitted.payoutAccountHolderKana()),
                    submitted.version());
        } catch (BusinessException e) {
            if (e.errorCode() == ErrorCode.CONCURRENT_MODIFICATION) {
                MerchantForm now = MerchantForm.of(merchants.byId(id), f);
                return Response.status(409)
                        .type(MediaType.TEXT_HTML_TYPE)
                        .entity(editMerchant(submitted, now, e.getMessage()))
                        .build();
            }
            return Response.status(e.errorCode().status())
                    .type(MediaType.TEXT_HTML_TYPE)
                    .entity(editMerchant(submitted, null, e.errorCode().code() + ": " + e.getMessage()))
                    .build();
        }
        return Pages.seeOther("/console/merchants/" + id, "saved");
    }

    @ServerExceptionMapper
    public Response business(BusinessException e) {
        return errors.business(e);
    }

    private String edit(BankForm form, BankForm conflict, String problem, int status) {
        return pages.page(bankPage, "banks")
                .data("b", form)
                .data("conflict", conflict == null ? "" : conflict)
                .data("hasConflict", conflict != null)
                .data("problem", problem)
                .data("status", status)
                .data(
                        "channels",
                        Arrays.stream(PartnerBank.DeliveryChannel.values())
                                .map(Enum::name)
                                .toList())
                .render();
    }

    private String editMerchant(MerchantForm form, MerchantForm conflict, String problem) {
        return pages.page(merchantPage, "merchants")
                .data("mf", form)
                .data("conflict", conflict == null ? "" : conflict)
                .data("hasConflict", conflict != null)
                .data("problem", problem)
                .render();
    }

    private static BankForm submitted(PartnerBank stored, MultivaluedMap<String, String> form, Formats f) {
        long version;
        try {
            version = Long.parseLong(nonNull(form.getFirst("version")));
        } catch (NumberFormatException e) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "version is missing");
        }
        return new BankForm(
                stored.id(),
                field(form, "name"),
                field(form, "country"),
                stored.currency(),
                field(form, "bic"),
                field(form, "timeZone"),
                field(form, "settlementAccount"),
                field(form, "cutoffSchedule"),
                form.containsKey("pain001"),
                form.containsKey("csv"),
                field(form, "deliveryChannel"),
                field(form, "deliveryTarget"),
                version,
                f.time(stored.settlesFrom()));
    }

    private static PartnerBank toBank(PartnerBank stored, BankForm form) {
        Set<PartnerBank.FileFormat> formats = EnumSet.noneOf(PartnerBank.FileFormat.class);
        if (form.pain001()) {
            formats.add(PartnerBank.FileFormat.PAIN001);
        }
        if (form.csv()) {
            formats.add(PartnerBank.FileFormat.CSV);
        }
        List<String> schedule = Arrays.stream(form.cutoffSchedule().split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
        try {
            return new PartnerBank(
                    stored.id(),
                    form.name(),
                    form.country(),
                    stored.currency(),
                    form.bic(),
                    ZoneId.of(form.timeZone()),
                    form.settlementAccount(),
                    schedule,
                    formats,
                    PartnerBank.DeliveryChannel.valueOf(form.deliveryChannel()),
                    form.deliveryTarget(),
                    stored.settlesFrom(),
                    form.version());
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new BusinessException(
                    ErrorCode.INVALID_REQUEST,
                    "time zone must be an IANA zone and channel " + "DIRECTORY or HTTPS: " + e.getMessage());
        }
    }

    private static String field(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        if (value == null || value.isBlank()) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, name + " is required");
        }
        return value.strip();
    }
}
