import Testing

@testable import HTTPServer

@Suite struct QueryParserTests {
    @Test func splitsItemsInOrder() {
        let items = RequestParser.QueryParser.items(ArraySlice("b=2&a=1&b=3&c&d=&e=x=y".utf8))
        #expect(
            items == [
                QueryItem(name: "b", value: "2"),
                QueryItem(name: "a", value: "1"),
                QueryItem(name: "b", value: "3"),
                QueryItem(name: "c", value: ""),
                QueryItem(name: "d", value: ""),
                QueryItem(name: "e", value: "x=y"),
            ])
    }

    @Test func plusIsSpaceAndPercentIsDecoded() {
        let items = RequestParser.QueryParser.items(ArraySlice("q=new+york%2C+ny&na%6De=%2B".utf8))
        #expect(items == [QueryItem(name: "q", value: "new york, ny"), QueryItem(name: "name", value: "+")])
    }

    @Test func invalidEncodingIsNil() {
        #expect(RequestParser.QueryParser.items(ArraySlice("a=%zz".utf8)) == nil)
        #expect(RequestParser.QueryParser.items(ArraySlice("%FF=1".utf8)) == nil)
    }
}
