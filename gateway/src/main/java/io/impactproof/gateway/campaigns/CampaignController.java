package io.impactproof.gateway.campaigns;

import io.impactproof.client.Page;
import io.impactproof.client.RegistryClient;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.participants.PathDids;
import io.impactproof.gateway.participants.SignedReads;
import io.impactproof.gateway.system.ApiError;
import io.impactproof.gateway.system.ApiException;
import io.impactproof.gateway.system.Requests;
import io.impactproof.model.Actions;
import io.impactproof.model.campaign.Allocation;
import io.impactproof.model.campaign.Campaign;
import io.impactproof.model.campaign.OwnerAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pre-finance campaigns: the financer opens, advances, pays and closes; the producer of a
 * certificate applies it. Every write is an instruction signed by the acting party; the chaincode
 * enforces budget, caps, eligibility and settlement. Reads and exports are public, as campaign
 * budgets and what they funded are public commitments.
 */
@RestController
@Tag(name = "campaigns", description = "Pre-finance campaigns that pay only on proof")
class CampaignController {
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final RegistryClient registry;
    private final ContentStore store;
    private final SignedReads reads;

    CampaignController(final RegistryClient registry, final ContentStore store, final SignedReads reads) {
        this.registry = registry;
        this.store = store;
        this.reads = reads;
    }

    @PostMapping("/financers/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Opens a campaign (instruction campaigns.open: id, title, budget, currency, eligibility, terms)")
    Campaign open(@RequestBody final Requests.Instruction body) {
        return registry.openCampaign(body.requiredFor(Actions.OPEN_CAMPAIGN));
    }

    @PostMapping("/financers/campaigns/{id}/{action}")
    @Operation(
            summary = "The financer closes the campaign, pays an owner an advance (args.owner, amount, reference, "
                    + "paidOn) or records a payment on an allocation (args.serial, amount, reference, paidOn); "
                    + "an instruction campaigns.<action> signed by the campaign's financer")
    Object act(
            @PathVariable final String id,
            @PathVariable final String action,
            @RequestBody final Requests.Instruction body) {
        return switch (action) {
            case "close" -> registry.closeCampaign(body.requiredFor(Actions.CLOSE_CAMPAIGN, "campaign", id));
            case "advance" -> registry.advance(body.requiredFor(Actions.ADVANCE, "campaign", id));
            case "pay" -> registry.pay(body.requiredFor(Actions.PAY, "campaign", id));
            default -> throw new ApiException(ApiError.NOT_FOUND, "action is close, advance or pay");
        };
    }

    @PostMapping("/owners/campaigns/{id}/apply")
    @Operation(
            summary = "The producer and holder of an ACTIVE certificate applies it (instruction campaigns.apply: "
                    + "campaign, serial, acceptPartial), accepting that on full payment its units go to the "
                    + "financer or are retired for the campaign's beneficiary")
    Allocation apply(@PathVariable final String id, @RequestBody final Requests.Instruction body) {
        return registry.apply(body.requiredFor(Actions.APPLY, "campaign", id));
    }

    @GetMapping("/campaigns")
    @Operation(summary = "Every campaign, open or closed")
    List<Campaign> campaigns() {
        return registry.campaigns();
    }

    @GetMapping("/campaigns/{id}")
    @Operation(
            summary = "A campaign's budget committed, allocated, paid and remaining, per owner and per month, "
                    + "and the impact it funded per category and unit")
    CampaignReport campaign(@PathVariable final String id) {
        final Campaign campaign = registry.campaign(id);
        return CampaignReport.of(campaign, registry.allocations(id));
    }

    @GetMapping("/campaigns/{id}/allocations")
    @Operation(summary = "A page of a campaign's allocations, in serial order")
    Page<Allocation> allocations(
            @PathVariable final String id,
            @RequestParam(defaultValue = "100") final int pageSize,
            @RequestParam(defaultValue = "") final String bookmark) {
        Requests.pageSize(pageSize);
        return registry.allocations(id, pageSize, bookmark);
    }

    @GetMapping("/campaigns/{id}/owners/{did}")
    @Operation(summary = "An owner's allocations and advances (outstanding, not yet netted) in a campaign")
    OwnerAccount account(@PathVariable final String id, final HttpServletRequest request) {
        return registry.account(id, PathDids.did(request, "/campaigns/" + id + "/owners/", registry));
    }

    @GetMapping("/certificates/{serial}/funding")
    @Operation(summary = "The allocation that funds a certificate (ALLOCATION_NOT_FOUND when none does)")
    Allocation funding(@PathVariable final String serial) {
        return registry.funding(serial);
    }

    @GetMapping("/campaigns/{id}/exports/payroll.csv")
    @Operation(
            summary = "RFC 4180 payroll CSV of an employer's campaign: per employee and month, trips, distance per "
                    + "mode, allocated (capped) and paid; personal data, so Authorization: Instruction <exports.payroll "
                    + "for args.campaign, signed by the campaign's financer>")
    ResponseEntity<String> payroll(
            @PathVariable final String id,
            @org.springframework.web.bind.annotation.RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                    final String authorization) {
        final Campaign campaign = registry.campaign(id);
        final String reader = reads.requireSigner(authorization, Actions.READ_PAYROLL, "campaign", id);
        if (!reader.equals(campaign.financer())) {
            throw new ApiException(
                    io.impactproof.model.RegistryError.FORBIDDEN, "only the financer of " + id + " reads its payroll");
        }
        return csv(id, "payroll", Payroll.csv(campaign, registry.allocations(id), registry, store));
    }

    @GetMapping("/campaigns/{id}/exports/{kind}.csv")
    @Operation(
            summary = "RFC 4180 CSV for accounting: allocations (one row each) or payments (one row each); "
                    + "every row in one impact category and unit")
    ResponseEntity<String> export(@PathVariable final String id, @PathVariable final String kind) {
        final Campaign campaign = registry.campaign(id);
        final List<Allocation> allocations = registry.allocations(id);
        final String csv = switch (kind) {
            case "allocations" -> CampaignExports.allocations(campaign, allocations);
            case "payments" -> CampaignExports.payments(campaign, allocations);
            default -> throw new ApiException(ApiError.NOT_FOUND, "exports are allocations.csv and payments.csv");
        };
        return csv(id, kind, csv);
    }

    private static ResponseEntity<String> csv(final String id, final String kind, final String csv) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + id.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + kind + ".csv\"")
                .body(csv);
    }
}
