import NewsModel
import Testing

@Suite struct EventTypeTests {
    @Test(arguments: [
        (EventType.statement, "01", 1), (.consult, "04", 1), (.materialCooperation, "06", 2), (.investigate, "09", 2),
        (.demand, "10", 3), (.protest, "14", 3), (.forcePosture, "15", 4), (.massViolence, "20", 4),
    ])
    func cameo(_ type: EventType, code: String, quad: Int) {
        #expect(type.cameoCode == code)
        #expect(type.quadClass == quad)
    }

    @Test(arguments: [EventType.election, .ruling, .disaster, .sport, .economic, .other, .unknown])
    func nonCameoKinds(_ type: EventType) {
        #expect(type.cameoCode == nil)
        #expect(type.quadClass == nil)
    }

    @Test func rootsAreTwentyDistinct() {
        #expect(EventType.cameoRoots.count == 20)
        #expect(Set(EventType.cameoRoots).count == 20)
    }

    @Test func rawValuesAreKebabCase() {
        #expect(EventType(rawValue: "material-cooperation") == .materialCooperation)
        #expect(EventType.reduceRelations.rawValue == "reduce-relations")
    }
}
