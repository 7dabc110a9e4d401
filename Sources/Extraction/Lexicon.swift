/// Closed word lists the recognizers use as cues. All entries are lower case.
enum Lexicon {
    /// Words that open sentences and are never names on their own (`Despite`, `Meanwhile`).
    static let sentenceOpeners: Set<String> = words(
        """
        a an the this that these those he she it they we i you his her its their our my your there here
        during despite meanwhile however although though while when whenever where what who whom whose which
        why how as at in on of for from to with without by after before since until among amid amongst between
        both all some many most several each every no not nor neither either other another such if then so but
        and or yet also still even only just now today yesterday tomorrow tonight instead indeed moreover
        furthermore nevertheless nonetheless therefore thus hence later earlier once over under about against
        according following including unlike like last next first second third finally overall further again
        already almost nearly around across behind beyond within throughout toward towards upon via per whether
        because unless whereas everyone everybody nobody none one two three four five six seven eight nine ten
        officials analysts critics experts residents witnesses sources reports speaking asked
        separately elsewhere afterwards afterward recently currently previously shortly soon ultimately
        together more less much few fewer any anyone someone something nothing everything let let's it's
        yes no please thanks thank new big top key
        """)

    /// Month names and their abbreviations, to month numbers.
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// Weekday names to ISO weekday numbers (1 is Monday).
    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]

    /// The last word of a title before a name (`President`, `leader`, `coach`).
    static let titleHeads: Set<String> = words(
        """
        president minister secretary chancellor premier king queen prince princess emperor pope sheikh emir
        ambassador envoy governor mayor senator congressman congresswoman representative rep sen gov judge
        justice general gen colonel col lieutenant lt major maj captain capt admiral commander chief director
        chairman chairwoman chair ceo spokesman spokeswoman spokesperson leader coach manager striker midfielder
        defender goalkeeper keeper forward winger mr mrs ms dr prof professor sir dame lord lady lawmaker
        legislator official officer prosecutor lawyer attorney defendant plaintiff founder owner analyst
        economist researcher scientist reporter correspondent negotiator mediator commissioner president-elect
        cardinal archbishop bishop rabbi imam ayatollah candidate challenger nominee incumbent head deputy
        counterpart vice-president speaker captain skipper champion player boss executive presenter
        """)

    /// Words that may stand before a title head (`Deputy Foreign Minister`).
    static let titleModifiers: Set<String> = words(
        """
        deputy vice foreign prime finance defence defense interior health trade economy economic justice
        education energy agriculture labor labour transport environment home attorney solicitor opposition
        former acting interim assistant chief senior top crown supreme grand first party state national
        presidential general executive managing head team club club's squad veteran new then outgoing
        incoming elected caretaker de facto military security intelligence human rights
        """)

    /// Words that end an organization's name (`Security Council`, `Foreign Ministry`).
    static let organizationWords: Set<String> = words(
        """
        council ministry party agency union organization organisation bank court commission committee
        association company corporation corp inc ltd llc plc group institute university college school
        department office authority parliament assembly congress senate army navy forces police front movement
        league club fc fund foundation board bureau service network news times post herald journal tribune
        airlines airways reserve tribunal exchange alliance coalition brigade brigades guard guards corps cabinet
        government secretariat mission programme program society trust hospital centre center academy
        industries holdings motors systems technologies partners media press broadcasting directorate command
        regiment battalion division federation confederation cooperative bloc caucus judiciary commission
        """)

    /// Words that end a firm's name (`Calloway Construction`, `Summit Brands`), beside
    /// `organizationWords`; not a feature of the tagger, whose weights were trained without them.
    static let firmWords: Set<String> = words(
        """
        construction foods brands mills energy engineering logistics pharmaceuticals pharma resources insurance
        shipping steel mining minerals petroleum electric electronics software laboratories labs studios
        entertainment communications telecom airline railways motors automotive chemicals textiles properties
        investments securities bancorp financial capital ventures enterprises solutions
        """)

    /// Words that start a place's name (`Port Almira`, `Mount Kenya`, `Lake Chad`).
    static let placePrefixes: Set<String> = words("port mount lake cape fort")

    /// Words that end a place's name (`Tahrir Square`, `Donetsk Region`).
    static let placeSuffixes: Set<String> = words(
        """
        city province region county district river island islands mountains mountain valley bay strait sea
        ocean lake peninsula desert coast square street avenue road bridge stadium arena park airport port
        harbour harbor village town oblast governorate prefecture territory territories plain plateau gulf
        """)

    /// Nouns that, right after a name, say the name is a place (`his Novo-Ogaryovo residence`).
    static let placeNounsAfter: Set<String> = words(
        """
        residence city town village province region district county border airport port base camp
        neighborhood neighbourhood suburb area valley river coast mountains capital stadium estate palace
        compound municipality governorate mine plant factory refinery dam oblast crossing checkpoint hospital
        """)

    /// Lower-case nouns right before a name that make it an organization (`mining company Harbor Minerals`).
    static let organizationNounsBefore: Set<String> = words(
        """
        company firm group party agency organization organisation bank airline club team militia movement carrier
        insurer maker manufacturer retailer giant broadcaster newspaper network conglomerate startup charity
        """)

    /// Plural or singular nouns after which `of` introduces places (`the towns of Lendo and Mirva`).
    static let placeNounsBeforeOf: Set<String> = words(
        """
        city town village province region district port capital towns cities villages provinces regions people
        citizens government governments president parliament
        """)

    /// Prepositions that introduce a place.
    static let placePrepositions: Set<String> = words("in at near outside inside across into toward towards within throughout")

    /// Verbs of movement after which `to` introduces a place.
    static let motionVerbs: Set<String> = words(
        "moved travelled traveled flew returned went came fled headed driven taken sent deported trip visit journey")

    /// Verbs of speech that follow a person's name.
    static let speechVerbs: Set<String> = words("said says told added stated noted insisted argued wrote explained recalled")

    /// Particles that may sit inside a person's name (`Ibn`, `bin`, `van der`).
    static let nameParticles: Set<String> = words("al el bin ibn van von der den de da di du la le ben abu")

    /// Pronouns that refer back to a person.
    static let personPronouns: Set<String> = ["he", "she", "him", "her"]

    /// Words that usually end English sentences' first clauses; used to tell English text apart.
    static let englishFunctionWords: Set<String> = words(
        """
        the a an of and to in on for with by at from is are was were be been has have had that this it its
        as not but or will would can could should their his her they he she we our you which who said
        """)

    /// Boilerplate cues in a trailing line (`follow us`, `all news on our page`).
    static let boilerplateWords: Set<String> = words(
        """
        facebook twitter telegram instagram whatsapp youtube tiktok linkedin subscribe newsletter copyright
        follow share rights reserved click download app podcast page channel
        """)

    /// Irregular simple-past forms of verbs that report happenings (`struck`, `fled`).
    static let irregularPast: Set<String> = words(
        """
        arose awoke bore beat became began bit bled blew broke bred brought built burned burnt
        burst bought cast caught chose clung came cost crept cut dealt dug drew drank drove dwelt fell fed felt fought
        found fled flung flew forbade foresaw forgot forgave froze got gave went grew hung
        heard hid hit held hurt kept knelt knew laid led leapt left lent let lost made meant met mistook
        paid proved put quit ran rang rode rose said saw sought sold sent set shook shed shone shot showed
        shrank shut sang sank slept slid slung spoke sped spent spun split spread sprang stood stole stuck
        stung struck strove swore swept swam swung took taught tore told thought threw thrust trod understood
        undertook underwent upheld upset woke wore wove wept won withdrew withheld withstood wrote
        overtook overthrew overran overcame oversaw mistook outran rebuilt reopened retook
        """)

    /// Irregular past participles that differ from the simple past (`taken`, `withdrawn`).
    static let irregularParticiples: Set<String> = words(
        """
        arisen awoken borne beaten become begun bitten blown broken chosen come done drawn drunk driven eaten
        fallen flown forbidden forgotten forgiven frozen gotten given gone grown hidden known lain proven ridden
        risen run rung seen shaken shown shrunk sung sunk slain spoken sprung stolen stridden striven sworn
        swum taken torn thrown trodden undertaken withdrawn woken worn woven written overtaken overthrown overrun
        overcome overseen retaken
        """)

    /// Verbs of planning, before `to` and what is planned (`planned to leave`, `plans to redeem`).
    static let planVerbs: Set<String> = words(
        """
        planned planning plans expected scheduled set due intended intends aimed aims hoped hopes prepared
        preparing expects
        """)

    /// Past forms that say how things are rather than that something happened (`seemed`, `included`).
    static let stativeVerbs: Set<String> = words(
        """
        seemed appeared remained stayed wanted needed liked loved hated hoped wished believed thought knew felt
        meant owned belonged consisted contained included involved resembled lacked deserved looked sounded
        tended used had based related concerned estimated numbered totalled totaled existed lived depended
        expected intended preferred considered regarded described labeled labelled called named noted
        """)

    /// Words that open a clause without belonging to what it reports (`However`, `Meanwhile`).
    static let discourseWords: Set<String> = words(
        """
        however meanwhile also but and so then still yet thus therefore moreover furthermore separately
        nevertheless nonetheless instead indeed later earlier afterwards afterward additionally finally
        overall now today yesterday meantime further again
        """)

    /// Words that open a subordinate or relative clause.
    static let subordinators: Set<String> = words(
        """
        which who whom whose that when whenever while whereas because although though if unless as after
        before since until once where what
        """)

    private static func words(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { String($0) })
    }
}
