import Markdown
import Testing

@Suite struct SlugTests {
    @Test(arguments: [
        ("Hello World", "hello-world"),
        ("Musk and Altman: a \"rivalry\"", "musk-and-altman-a-rivalry"),
        ("A & B", "a-b"),
        ("  leading and trailing  ", "leading-and-trailing"),
        ("already-hyphenated -- twice", "already-hyphenated-twice"),
        ("snake_case stays", "snake_case-stays"),
        ("Version 2.0 (beta)", "version-20-beta"),
        ("马斯克与奥特曼的恩怨", "马斯克与奥特曼的恩怨"),
        ("第一章：起源（2015）", "第一章起源2015"),
        ("日本語の見出し", "日本語の見出し"),
        ("Ελληνικά Κεφάλαια", "ελληνικά-κεφάλαια"),
        ("Café", "café"),
        ("Cafe\u{301}", "café"),
        ("Rocket 🚀 launch", "rocket-launch"),
        ("!!!", ""),
        ("", ""),
    ])
    func slugs(_ input: String, _ expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test func decomposedAndComposedAgree() {
        #expect(Slug.make("Cafe\u{301}").unicodeScalars.elementsEqual(Slug.make("Caf\u{E9}").unicodeScalars))
    }
}
