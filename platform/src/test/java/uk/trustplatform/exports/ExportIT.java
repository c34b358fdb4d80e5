package uk.trustplatform.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.trustplatform.actionplans.PlanFixture;
import uk.trustplatform.api.Role;
import uk.trustplatform.pledges.PledgeFixture;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.TestCalendar;
import uk.trustplatform.testing.TestIdentityProvider;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * The register and the action plans exported as CSV and XLSX, opened with the same libraries a
 * spreadsheet user's tools rely on and checked cell by cell; a caller exports only what it may read.
 */
@MicronautTest(transactional = false)
class ExportIT {

    private static final LocalDate TODAY = TestCalendar.today();

    @Inject
    EmbeddedServer server;

    private TestTenant luton;
    private ApiCaller admin;
    private String council;
    private String charity;

    @BeforeEach
    void aRegisterAndAPlan() {
        luton = TestTenants.active("luton");
        admin = ApiCaller.member(server, "admin", Role.TENANT_ADMIN, luton.slug(), null);
        PledgeFixture pledges = new PledgeFixture(admin);
        pledges.publishPledge();
        council = pledges.partner("Luton Borough Council", "statutory-lscb-member", true);
        charity = pledges.partner("Luton Youth, \"Arts\" & Music", "pvi-community", false);
        pledges.registered(council, TODAY.minusDays(10));
        pledges.registered(charity, TODAY.minusMonths(14));
        PlanFixture plans = new PlanFixture(admin);
        plans.hearByRight();
        String template = plans.template(2026, 2027, "2.1");
        String plan = PlanFixture.start(admin, council, template, null);
        PlanFixture.action(
                admin,
                plan,
                Map.of(
                        "sectionNumber",
                        "1",
                        "outcomeNumber",
                        "1.1",
                        "description",
                        "Young inspectors visit every children's centre",
                        "lead",
                        "Participation Team",
                        "dueDate",
                        "2026-09-30",
                        "status",
                        "IN_PROGRESS",
                        "rag",
                        "AMBER"));
        PlanFixture.action(
                admin,
                plan,
                Map.of(
                        "sectionNumber",
                        "2",
                        "outcomeNumber",
                        "2.1",
                        "description",
                        "Agree the strategy with the youth forum"));
    }

    @Test
    void the_pledge_register_as_csv_has_a_row_per_pledge_with_every_field() throws Exception {
        HttpResponse<byte[]> response = download(bearer(admin()), "pledge-register.csv");

        String text = new String(response.body(), StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new InputStreamReader(
                        new ByteArrayInputStream(text.substring(1).getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8))
                .getRecords();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("pledge-register.csv");
        assertThat(text).startsWith("\uFEFFOrganisation,Category,Status,");
        assertThat(records).hasSize(2);
        CSVRecord charityRow = records.stream()
                .filter(r -> r.get("Organisation").startsWith("Luton Youth"))
                .findFirst()
                .orElseThrow();
        assertThat(charityRow.get("Organisation")).isEqualTo("Luton Youth, \"Arts\" & Music");
        assertThat(charityRow.get("Category")).isEqualTo("pvi-community");
        assertThat(charityRow.get("Status")).isEqualTo("LAPSED");
        assertThat(charityRow.get("Signed by")).isEqualTo("Catherine Barrett");
        assertThat(charityRow.get("Post held")).isEqualTo("Chief Executive");
        assertThat(charityRow.get("Signed on")).isEqualTo(TODAY.minusMonths(14).toString());
        assertThat(charityRow.get("Renewal due on"))
                .isEqualTo(TODAY.minusMonths(2).toString());
        assertThat(charityRow.get("Ended on")).isEmpty();
    }

    @Test
    void the_action_plans_as_xlsx_have_typed_cells_a_row_per_action() throws Exception {
        HttpResponse<byte[]> response = download(bearer(admin()), "action-plans.xlsx?periodStart=2026");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheet("Action plans");
            List<String> headings = texts(sheet.getRow(0));
            Row first = sheet.getRow(1);
            Row second = sheet.getRow(2);

            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(headings)
                    .containsExactly(
                            "Organisation",
                            "Period start",
                            "Period end",
                            "Plan status",
                            "Section",
                            "Standard",
                            "Outcome",
                            "Action",
                            "Lead",
                            "Due date",
                            "Timescale",
                            "Resources",
                            "Risks",
                            "Status",
                            "RAG",
                            "Overdue");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("Luton Borough Council");
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(2026);
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("DRAFT");
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("1");
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo("1.1");
            assertThat(first.getCell(7).getStringCellValue())
                    .isEqualTo("Young inspectors visit every children's centre");
            assertThat(first.getCell(8).getStringCellValue()).isEqualTo("Participation Team");
            assertThat(DateUtil.isCellDateFormatted(first.getCell(9))).isTrue();
            assertThat(first.getCell(9).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 9, 30));
            assertThat(first.getCell(13).getStringCellValue()).isEqualTo("IN_PROGRESS");
            assertThat(first.getCell(14).getStringCellValue()).isEqualTo("AMBER");
            assertThat(first.getCell(15).getStringCellValue())
                    .isEqualTo(TODAY.isAfter(LocalDate.of(2026, 9, 30)) ? "yes" : "no");
            assertThat(second.getCell(7).getStringCellValue()).isEqualTo("Agree the strategy with the youth forum");
            assertThat(second.getCell(9).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(second.getCell(14).getCellType()).isEqualTo(CellType.BLANK);
        }
    }

    @Test
    void a_partner_lead_exports_only_its_own_organisation_and_strangers_get_nothing() throws Exception {
        UUID charityId = PlanFixture.uuid(charity);
        String lead = TestIdentityProvider.token("lead-" + luton.slug())
                .roles(Role.PARTNER_LEAD)
                .organisations(luton.slug())
                .partnerOrganisation(charityId)
                .sign();
        TestTenant bravo = TestTenants.active("bravo");
        String otherAdmin = TestIdentityProvider.token("admin-" + bravo.slug())
                .roles(Role.TENANT_ADMIN)
                .organisations(bravo.slug())
                .sign();

        HttpResponse<byte[]> own = download("Bearer " + lead, "pledge-register.xlsx");
        HttpResponse<byte[]> otherTenant = download("Bearer " + otherAdmin, "pledge-register.csv");
        HttpResponse<byte[]> anonymous = download(null, "action-plans.csv");
        HttpResponse<byte[]> unknown = download(bearer(admin()), "partners.csv");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(own.body()))) {
            Sheet sheet = workbook.getSheet("Pledge register");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Luton Youth, \"Arts\" & Music");
        }
        assertThat(new String(otherTenant.body(), StandardCharsets.UTF_8)
                        .lines()
                        .count())
                .isEqualTo(1);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private String admin() {
        return TestIdentityProvider.token("admin-" + luton.slug())
                .roles(Role.TENANT_ADMIN)
                .organisations(luton.slug())
                .sign();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private HttpResponse<byte[]> download(String authorization, String file) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + "/exports/" + file));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            texts.add(cell.getStringCellValue());
        }
        return texts;
    }
}
