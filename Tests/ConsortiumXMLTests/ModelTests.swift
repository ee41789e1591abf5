import ConsortiumModel
import Testing

struct CivilDateTests {
    @Test func dayNumbersMatchKnownDates() {
        #expect(CivilDate(iso: "1970-01-01")!.dayNumber == 0)
        #expect(CivilDate(iso: "2000-03-01")!.dayNumber == 11_017)
        // Artemis I launched 2022-11-16: 19,312 days after the epoch.
        #expect(CivilDate(iso: "2022-11-16")!.dayNumber == 19_312)
    }

    @Test func roundTripsEveryDayOverTwoCenturies() {
        let start = CivilDate(iso: "1950-01-01")!.dayNumber
        let end = CivilDate(iso: "2150-12-31")!.dayNumber
        var previous: CivilDate?
        for day in start...end {
            let date = CivilDate(dayNumber: day)
            #expect(date.dayNumber == day)
            if let previous { #expect(previous < date) }
            previous = date
        }
    }

    @Test func rejectsDaysThatDoNotExist() {
        #expect(CivilDate(iso: "2027-02-29") == nil)
        #expect(CivilDate(iso: "2028-02-29") != nil)
        #expect(CivilDate(iso: "2100-02-29") == nil)
        #expect(CivilDate(iso: "2000-02-29") != nil)
        #expect(CivilDate(iso: "2027-13-01") == nil)
        #expect(CivilDate(iso: "27-01-01") == nil)
    }

    @Test func printsISO8601() {
        #expect(CivilDate(year: 2027, month: 3, day: 4)!.description == "2027-03-04")
    }
}

struct SuggestionTests {
    @Test func suggestsTheClosestIdWithinATypoDistance() {
        #expect(Suggestion.closest(to: "esaa", among: ["esa", "nasa", "jaxa"]) == "esa")
        #expect(Suggestion.closest(to: "roscomos", among: ["roscosmos", "cnsa"]) == "roscosmos")
        #expect(Suggestion.closest(to: "zzzz", among: ["esa", "nasa"]) == nil)
    }

    @Test func editDistanceIsLevenshtein() {
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("same", "same") == 0)
    }
}

struct BudgetTests {
    @Test func yearsAfterTheLastRepeatItAndConvertToDollars() {
        let here = SourceLocation(file: "x.xml", line: 1, column: 1)
        let budget = Budget(
            currency: "EUR", usdPerUnit: 1.03, baseYear: 2026, fiscalYearStartMonth: 1, maxConcurrentDevelopments: 2,
            years: [
                .init(fiscalYear: 2026, amountMillions: 600, location: here),
                .init(fiscalYear: 2027, amountMillions: 700, location: here),
            ], provenance: Provenance(), location: here)
        #expect(budget.musd(fiscalYear: 2025) == 600 * 1.03)
        #expect(budget.musd(fiscalYear: 2027) == 700 * 1.03)
        #expect(budget.musd(fiscalYear: 2040) == 700 * 1.03)
    }
}
