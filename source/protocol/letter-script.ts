// Which Unicode scripts a letter belongs to, for the one-script rule of names (docs/protocol.md).

// Every script of Unicode 17 but Common and Inherited. A Node 20 build with an older ICU rejects
// the newest names, so each is tried and the unknown ones are skipped.
const SCRIPT_NAMES =
	`Latin Cyrillic Greek Han Hiragana Katakana Hangul Arabic Hebrew Devanagari Thai
Bengali Tamil Telugu Kannada Malayalam Gujarati Gurmukhi Oriya Sinhala Armenian Georgian Ethiopic Lao
Khmer Myanmar Tibetan Mongolian Bopomofo Syriac Thaana Nko Tifinagh Cherokee Canadian_Aboriginal Yi
Javanese Balinese Sundanese Adlam Ahom Anatolian_Hieroglyphs Avestan Bamum Bassa_Vah Batak Bhaiksuki
Brahmi Braille Buginese Buhid Carian Caucasian_Albanian Chakma Cham Chorasmian Coptic Cuneiform
Cypriot Cypro_Minoan Deseret Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic
Glagolitic Gothic Grantha Gunjala_Gondi Hanifi_Rohingya Hanunoo Hatran Imperial_Aramaic
Inscriptional_Pahlavi Inscriptional_Parthian Kaithi Kawi Kayah_Li Kharoshthi Khitan_Small_Script
Khojki Khudawadi Lepcha Limbu Linear_A Linear_B Lisu Lycian Lydian Mahajani Makasar Mandaic
Manichaean Marchen Masaram_Gondi Medefaidrin Meetei_Mayek Mende_Kikakui Meroitic_Cursive
Meroitic_Hieroglyphs Miao Modi Mro Multani Nabataean Nag_Mundari Nandinagari New_Tai_Lue Newa Nushu
Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Old_Hungarian Old_Italic Old_North_Arabian Old_Permic
Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur Osage Osmanya Pahawh_Hmong Palmyrene
Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan Saurashtra Sharada Shavian
Siddham SignWriting Sogdian Sora_Sompeng Soyombo Syloti_Nagri Tagalog Tagbanwa Tai_Le Tai_Tham
Tai_Viet Takri Tangsa Tangut Tirhuta Toto Ugaritic Vai Vithkuqi Wancho Warang_Citi Yezidi
Zanabazar_Square Garay Gurung_Khema Kirat_Rai Ol_Onal Sunuwar Todhri Tulu_Tigalari`.split(/\s+/);

type Script = {name: string; script: RegExp; extensions: RegExp};

/**
 * The compiled pattern of each script in SCRIPT_NAMES order, null for a name this ICU does not
 * know. Compiled on first use: all of them take 10-18 ms, and a usual name needs only the first.
 */
const compiled: Array<Script | null | undefined> = [];

function compile(name: string): Script | null {
	try {
		return {
			name: name.replaceAll('_', ' '),
			script: new RegExp(`^\\p{Script=${name}}`, 'u'),
			extensions: new RegExp(`^\\p{Script_Extensions=${name}}`, 'u'),
		};
	} catch {
		return null;
	}
}

// The most common scripts come first, so a usual letter is found after a test or two.
function* scripts(): Generator<Script> {
	for (const [index, name] of SCRIPT_NAMES.entries()) {
		compiled[index] ??= compile(name);
		const script = compiled[index];
		if (script !== null) yield script;
	}
}

/**
 * The scripts a letter or mark can be written in: its own script, or for a shared one (the
 * Japanese `ー` is Common, a Devanagari sign may be Inherited) the scripts it is used with.
 * Empty for a character of no particular script, which then fits any name.
 */
export function scriptsOf(character: string): string[] {
	for (const {name, script} of scripts()) {
		if (script.test(character)) return [name];
	}

	const shared: string[] = [];
	for (const {name, extensions} of scripts()) {
		if (extensions.test(character)) shared.push(name);
	}

	return shared;
}
