// Name keys for search: spelling variants of the same name meet, different names stay apart, and
// the rate of accidental collisions among real Indonesian first names stays low.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nameKey, nameTokens, normaliseName, searchKeys } from './names';

/** Every spelling in a group has the same key. */
const meet = (...names: string[]) => {
  const keys = names.map(nameKey);
  assert.equal(new Set(keys).size, 1, names.map((n, i) => `${n}:${keys[i]}`).join(' '));
};

/** Each name has a key of its own. */
const apart = (...names: string[]) => {
  const keys = names.map(nameKey);
  assert.equal(new Set(keys).size, names.length, names.map((n, i) => `${n}:${keys[i]}`).join(' '));
};

/** A person found by a query: every query key is among the person's keys. */
const finds = (query: string, person: string) => {
  const mine = new Set(searchKeys(person));
  return searchKeys(query).every((k) => mine.has(k));
};

describe('normaliseName', () => {
  it('lower-cases, strips diacritics and collapses whitespace', () => {
    assert.equal(normaliseName('  SITI   Nurhaliza '), 'siti nurhaliza');
    assert.equal(normaliseName('Élodie Núñez'), 'elodie nunez');
    assert.equal(normaliseName('Muḥammad ʿAbd al-Raḥmān'), 'muhammad abd al rahman');
    assert.equal(normaliseName('Đặng Thị Ánh'), 'dang thi anh');
    assert.equal(normaliseName('Straße Øre'), 'strasse ore');
  });

  it('turns punctuation, hyphens and dots into spaces', () => {
    assert.equal(normaliseName('Abd al-Rahman'), 'abd al rahman');
    assert.equal(normaliseName('M.Yusuf'), 'm yusuf');
    assert.equal(normaliseName('Widodo, Joko (Jokowi)'), 'widodo joko jokowi');
    assert.equal(normaliseName('Ahmad\tbin\nYusuf'), 'ahmad bin yusuf');
    assert.equal(normaliseName('Siti_Aminah/Aminah'), 'siti aminah aminah');
  });

  it('joins the letters around apostrophes and ʿayn/hamza marks', () => {
    assert.equal(normaliseName("Ma'ruf Amin"), 'maruf amin');
    assert.equal(normaliseName('Ma’ruf'), 'maruf');
    assert.equal(normaliseName('Saʿid Masʾud'), 'said masud');
    assert.equal(normaliseName('Ja`far'), 'jafar');
  });

  it('keeps other scripts, without their vowel marks', () => {
    assert.equal(normaliseName('مُحَمَّد عَلِيّ'), 'محمد علي');
    assert.equal(normaliseName('王 伟'), '王 伟');
  });

  it('returns an empty string for nothing but punctuation', () => {
    assert.equal(normaliseName(' .-, '), '');
    assert.equal(normaliseName(''), '');
  });
});

describe('nameTokens', () => {
  it('gives the words sorted and de-duplicated, so word order does not matter', () => {
    assert.deepEqual(nameTokens('Budi Santoso'), ['budi', 'santoso']);
    assert.deepEqual(nameTokens('SANTOSO, Budi'), ['budi', 'santoso']);
    assert.deepEqual(nameTokens('Siti Siti Aminah'), ['aminah', 'siti']);
  });

  it('drops bin/binti and their abbreviations', () => {
    assert.deepEqual(nameTokens('Ahmad bin Yusuf'), ['ahmad', 'yusuf']);
    assert.deepEqual(nameTokens('Siti Nurhaliza binti Tarudin'), ['nurhaliza', 'siti', 'tarudin']);
    assert.deepEqual(nameTokens('Aminah Bt. Ismail'), ['aminah', 'ismail']);
    assert.deepEqual(nameTokens('Nur Bte Hassan'), ['hassan', 'nur']);
  });

  it('drops initials, titles and degrees', () => {
    assert.deepEqual(nameTokens('M. Yusuf'), ['yusuf']);
    assert.deepEqual(nameTokens('M.Yusuf'), ['yusuf']);
    assert.deepEqual(nameTokens('Dr. Ir. H. Joko Widodo, S.H., M.M.'), ['joko', 'widodo']);
    assert.deepEqual(nameTokens('Hj. Siti Aminah'), ['aminah', 'siti']);
    assert.deepEqual(nameTokens('Drs Budi Santoso, S.Kom., M.Pd'), ['budi', 'santoso']);
    assert.deepEqual(nameTokens('I Made Sudirta'), ['made', 'sudirta']);
  });

  it('keeps short words and abbreviations that are names', () => {
    assert.deepEqual(nameTokens('Ni Luh Putu Ayu'), ['ayu', 'luh', 'ni', 'putu']);
    assert.deepEqual(nameTokens('Moh. Hatta'), ['hatta', 'moh']);
    // Before a comma a dotted word is a name: "M.Ali" is Muhammad Ali.
    assert.deepEqual(nameTokens('M.Ali Akbar'), ['akbar', 'ali']);
  });

  it('joins Abd-compounds, with their article, into one word', () => {
    assert.deepEqual(nameTokens('Abd al-Rahman'), ['abdalrahman']);
    assert.deepEqual(nameTokens('Abdul Rahman Wahid'), ['abdulrahman', 'wahid']);
    assert.deepEqual(nameTokens('Abdur Rahman'), ['abdurrahman']);
    assert.deepEqual(nameTokens('Abdus Salam'), ['abdussalam']);
    assert.deepEqual(nameTokens('Abdul bin Ahmad'), ['abdul', 'ahmad']);
    assert.deepEqual(nameTokens('Ahmad Abdul'), ['abdul', 'ahmad']);
    // "Abdi" is an Indonesian name of its own, not "Abd".
    assert.deepEqual(nameTokens('Abdi Negara'), ['abdi', 'negara']);
  });

  it('joins the article to the next word, written "al"', () => {
    assert.deepEqual(nameTokens('Muhammad Al-Fatih'), ['alfatih', 'muhammad']);
    assert.deepEqual(nameTokens('El Sayed'), ['alsayed']);
    assert.deepEqual(nameTokens('Harun Ar-Rasyid'), ['alrasyid', 'harun']);
    assert.deepEqual(nameTokens('As-Sayyid Ali'), ['ali', 'alsayyid']);
    assert.deepEqual(nameTokens('Siti An-Nisa'), ['alnisa', 'siti']);
    // A sun-letter article only before its own consonant: "Ad" before Santoso is a name.
    assert.deepEqual(nameTokens('Ad Santoso'), ['ad', 'santoso']);
    assert.deepEqual(nameTokens('Ahmad Al'), ['ahmad', 'al']);
  });

  it('keeps initials when a name is made of nothing else', () => {
    assert.deepEqual(nameTokens('A. B.'), ['a', 'b']);
    assert.deepEqual(nameTokens(''), []);
    assert.deepEqual(nameTokens('  '), []);
  });

  it('keeps words of other scripts, even one character long', () => {
    assert.deepEqual(nameTokens('王 伟'), ['伟', '王']);
    assert.deepEqual(nameTokens('عبد الله'), ['الله', 'عبد']);
  });
});

describe('nameKey: spelling variants meet', () => {
  it('old Indonesian spelling (before 1972) meets the current one', () => {
    meet('Soekarno', 'Sukarno');
    meet('Soeharto', 'Suharto');
    meet('Djakarta', 'Jakarta');
    meet('Djoko', 'Joko');
    meet('Tjahjadi', 'Cahyadi');
    meet('Tjandra', 'Candra');
    meet('Sjahrir', 'Syahrir');
    meet('Njoman', 'Nyoman');
    meet('Wahjoe', 'Wahju', 'Wahyu');
    meet('Soerjo', 'Suryo');
    meet('Achmad', 'Akhmad', 'Ahmad');
    meet('Chairul', 'Khairul', 'Hairul');
    meet('Rachmawati', 'Rahmawati');
  });

  it('Muhammad in all its spellings and abbreviations', () => {
    meet(
      'Muhammad',
      'Muhamad',
      'Mohammed',
      'Mohammad',
      'Mohamad',
      'Mohamed',
      'Muhammed',
      'Muhamed',
      'Mochammad',
      'Mochamad',
      'Mukhammad',
      'Mohd',
      'Muhd',
      'Md',
      'Moh',
      'Muh',
      'Moch',
    );
  });

  it('Arabic transliteration variants', () => {
    meet('Ahmad', 'Ahmed');
    meet('Abdurrahman', 'Abdulrahman', 'Abdelrahman', 'Abdalrahman', 'Abdurahman');
    meet('Abdullah', 'Abdallah', 'Abdulah', 'Abdulla', 'Abdillah', 'Abdollah');
    meet('Abdussalam', 'Abdulsalam');
    meet('Abdulkadir', 'Abdul Qadir', 'Abdelkader');
    meet('Nurul', 'Nur', 'Noor', 'Nour');
    meet('Fatimah', 'Fatima');
    meet('Aisyah', 'Aisha', 'Aishah', 'Aysha');
    meet('Yusuf', 'Yusof', 'Yousef', 'Yousuf', 'Yosef');
    meet('Husein', 'Husain', 'Hussain', 'Hussein', 'Husin');
    meet('Usman', 'Utsman', 'Uthman', 'Osman', 'Othman');
    meet('Umar', 'Omar');
    meet('Ibrahim', 'Ebrahim');
    meet('Ismail', 'Ismael', 'Esmail');
    meet('Hisyam', 'Hisham', 'Hesham');
    meet('Khalid', 'Khaled', 'Chalid');
    meet('Rasyid', 'Rashid', 'Rashed');
    meet('Mahmud', 'Mahmoud');
    meet('Mustafa', 'Moustafa');
    meet('Muhsin', 'Mohsen');
    meet('Zainab', 'Zaenab', 'Zeinab');
    meet('Zaid', 'Zayd', 'Zeid');
    meet('Raihan', 'Rayhan');
    meet('Syamsul', 'Shamsul', 'Samsul');
    meet('Syarif', 'Sharif');
    meet('Syukri', 'Shukri', 'Shoukry');
    meet('Said', "Sa'id", 'Saeed');
    meet('Jafar', "Ja'far", 'Djafar');
    meet('Tariq', 'Tarik', 'Tarek');
    meet('Qasim', 'Kasim', 'Qassem');
    meet('Fuad', 'Fouad');
    meet('Faisal', 'Feisal', 'Faysal');
    meet('Yasin', 'Yassin', 'Yaseen');
    meet('Yasir', 'Yasser');
    meet('Hamzah', 'Hamza');
    meet('Taufik', 'Taufiq', 'Taufick');
    meet('Ramadhan', 'Ramadan');
    meet('Fadhil', 'Fadil');
    meet('Dzulkifli', 'Zulkifli');
    meet('Luthfi', 'Lutfi');
    meet("Mu'min", 'Mumin', 'Moemen');
    meet('Rauf', "Ra'uf", 'Raouf');
    meet('Mansur', 'Mansour');
  });

  it('Indonesian letter variants', () => {
    meet('Rizky', 'Rizki', 'Rizqi');
    meet('Fahmi', 'Fahmy');
    meet('Eddy', 'Edi', 'Edy');
    meet('Ricky', 'Riki');
    meet('Dyah', 'Diah');
    meet('Julia', 'Yulia');
    meet('Januar', 'Yanuar');
    meet('Devi', 'Defi');
    meet('Qori', 'Kori');
    meet('Ophelia', 'Ofelia');
    meet('Thamrin', 'Tamrin');
    meet('Yunie', 'Yuni');
    meet('Hasanah', 'Hassanah');
    meet('Christina', 'Kristina');
  });
});

describe('nameKey: different names stay apart', () => {
  it('keeps the first vowel: Budi / Bayu, Dewi / Dwi, Ahmad / Hamid', () => {
    apart('Budi', 'Bayu');
    apart('Dewi', 'Dwi');
    apart('Ahmad', 'Hamid');
    apart('Hasan', 'Husain');
    apart('Ida', 'Uda', 'Ada');
  });

  it('keeps a final vowel of its class: Putri / Putra, Siti / Sita, Rina / Rini', () => {
    apart('Putri', 'Putra');
    apart('Siti', 'Sita');
    apart('Rina', 'Rini');
    apart('Dewa', 'Dewi');
    apart('Yuli', 'Yulia');
    apart('Hendra', 'Hendri', 'Hendro');
  });

  it('keeps inner a apart from other vowels: Jamal / Jamil, Bagas / Bagus', () => {
    apart('Jamal', 'Jamil');
    apart('Bagas', 'Bagus');
    apart('Gadang', 'Gading');
    apart('Daliman', 'Dalimin');
    apart('Kariman', 'Karman');
  });

  it('keeps consonants: Rahman / Rahmat, Hasan / Hasna, Said / Saad', () => {
    apart('Rahman', 'Rahmat', 'Rahmi');
    apart('Hasan', 'Hasna', 'Hasanah');
    apart('Said', 'Saad');
    apart('Abdullah', 'Abdul', 'Abdi');
    apart('Nur', 'Nuri', 'Nuria');
  });

  it('does not merge the Javanese o for a: Kholid, Mustofa stay apart from Khalid, Mustafa', () => {
    // Merging a with o would undo what keeps Bagas / Bagus and Jamal / Jamil apart.
    apart('Khalid', 'Kholid');
    apart('Mustafa', 'Mustofa');
  });

  it('accepts e/i merging at the start: Eka / Ika meet, as Endah / Indah do', () => {
    // Accepted: Ebrahim / Ibrahim and Esmail / Ismail need e = i; Endah is the Javanese Indah.
    meet('Eka', 'Ika');
    meet('Endah', 'Indah');
  });

  it('passes other scripts through unchanged', () => {
    assert.equal(nameKey('محمد'), 'محمد');
    assert.equal(nameKey('王'), '王');
  });
});

describe('nameKey: collisions among real Indonesian first names', () => {
  // Every fourth name of the 752 distinct Indonesian first names in the faker id_ID locale,
  // taken in alphabetical order.
  const sample = `Abyasa Adika Agnes Ajeng Ajiono Almira Among Anggun Argono Artanto Aslijan Asmuni Aulia
    Bagas Bahuraksa Bakda Bakijan Baktiadi Balamantri Balijan Banawi Betania Cahya Cahyono Cakrajiya Candra
    Carla Cawisadi Cecep Cengkal Ciaobella Cinthia Dacin Dalima Damar Danu Darimin Darmanto Daruna Dewi
    Digdaya Dinda Dodo Dyah Ega Eli Elma Elvina Emil Endah Estiawan Fara Febi Fitria Gadang Gaiman Galih
    Gaman Gamblang Ganep Ganjaran Garang Gatra Ghani Gina Halim Hana Hari Harjaya Harsaya Hasan Hendra Hesti
    Ian Icha Ika Ilyas Indira Irawati Irnanto Ivan Jagapati Jais Jamil Jarwadi Jaswadi Jayadi Jessica Joko
    Jumadi Kairav Kamal Kamila Kardi Karja Karsa Karya Kasusra Kayun Kenari Kiandra Kunthara Laila Lalita
    Lanjar Lasmono Lega Lestari Limar Luis Lulut Luwar Mahfud Makara Malika Margana Marsudi Marwata Melani
    Mitra Mulyanto Mursinin Mustofa Nadia Najwa Narji Natalia Niyaga Novita Nurul Okto Oman Ophelia Padma
    Pandu Paramita Patricia Praba Prakosa Prasetyo Prayogo Puput Puspa Putu Raden Rafi Rahman Raihan Rangga
    Rendy Reza Rina Rosa Rusman Sabrina Saiful Salimah Samiah Sartika Setya Sidiq Siska Suci Tami Tasdik
    Taufik Tiara Tirta Tomi Uchita Ulya Umi Usman Vania Vero Viman Virman Wahyu Wardaya Warsita Widya Wisnu
    Yahya Yoga Yuliana Zaenab Zalindra Zizi`
    .trim()
    .split(/\s+/u);

  const collisions = (names: string[]) => {
    const byKey = new Map<string, string[]>();
    for (const n of names) byKey.set(nameKey(n), [...(byKey.get(nameKey(n)) ?? []), n]);
    return [...byKey.values()].filter((g) => g.length > 1).map((g) => g.join('/'));
  };

  it('gives 187 keys to the 188 sampled names', () => {
    assert.equal(new Set(sample).size, 188);
    // The one collision is a spelling variant: Karja is the pre-1972 spelling of Karya.
    assert.deepEqual(collisions(sample), ['Karja/Karya']);
  });

  it('merges only the expected pairs among the hard cases of the whole list', () => {
    // Over all 752 names the keys number 733: 19 names share a key with another. 15 of the 19
    // pairs are variants of one name: Adhiarja/Adiarja, Diah/Dyah, Endah/Indah, Endra/Indra,
    // Fara/Farah, Ihsan/Ikhsan, Jaeman/Jaiman, Jono/Yono, Julia/Yulia, Karja/Karya, Nur/Nurul,
    // Omar/Umar, Rosman/Rusman, Teddy/Tedi, Yosef/Yusuf. 4 are different names, the price of
    // merging e/i and j/y: Eka/Ika, Eva/Ifa, Jane/Yani, Kajen/Kayun. (Dropping inner vowels
    // instead of keeping a apart from the others gave 40, among them Bagas/Bagus and Jamal/Jamil.)
    const hard = `Adhiarja Adiarja Diah Dyah Eka Ika Endah Indah Endra Indra Eva Ifa Fara Farah Ihsan
      Ikhsan Jaeman Jaiman Jane Yani Jono Yono Julia Yulia Kajen Kayun Karja Karya Nur Nurul Omar Umar
      Rosman Rusman Teddy Tedi Yosef Yusuf Bagas Bagus Jamal Jamil Amalia Amelia Daliman Dalimin Darimin
      Darman Gadang Gading Galar Galur Kariman Karman Karimah Karma Nada Nadia Oliva Olivia Ulva Indira`
      .trim()
      .split(/\s+/u);
    assert.deepEqual(collisions(hard), [
      'Adhiarja/Adiarja',
      'Diah/Dyah',
      'Eka/Ika',
      'Endah/Indah',
      'Endra/Indra',
      'Eva/Ifa',
      'Fara/Farah',
      'Ihsan/Ikhsan',
      'Jaeman/Jaiman',
      'Jane/Yani',
      'Jono/Yono',
      'Julia/Yulia',
      'Kajen/Kayun',
      'Karja/Karya',
      'Nur/Nurul',
      'Omar/Umar',
      'Rosman/Rusman',
      'Teddy/Tedi',
      'Yosef/Yusuf',
    ]);
  });

  it('keeps sampled Indonesian family names apart', () => {
    const family = `Purnama Damanik Gunawan Hidayat Hutagalung Irawan Kurniawan Lubis Nainggolan Nasution
      Pratama Prasetyo Saputra Setiawan Siregar Simanjuntak Sinaga Situmorang Susanti Wahyuni Wibowo
      Widodo Wijaya Yulianti Handayani Lestari Rahayu Utami Wulandari Sihombing Hasibuan Harahap`
      .trim()
      .split(/\s+/u);
    assert.deepEqual(collisions(family), []);
  });
});

describe('searchKeys', () => {
  it('gives sorted, de-duplicated keys', () => {
    assert.deepEqual(searchKeys('Muhammad Mohammed Yusuf'), ['muhamad', 'yusif']);
    assert.deepEqual(searchKeys(''), []);
  });

  it('finds a person whatever the spelling, order, connectors and titles', () => {
    assert.ok(finds('Mohammed Abdul Rahman', 'Mochammad Abdurrahman'));
    assert.ok(finds('Abd al-Rahman Muhammad', 'Muhammad Abdurrahman'));
    assert.ok(finds('Yusuf Ahmad', 'Ahmad bin Yusuf'));
    assert.ok(finds('Ahmad bin Yusuf', 'AHMAD YUSOF'));
    assert.ok(finds('Siti Aisyah', 'Hj. Siti Aishah binti Abdullah'));
    assert.ok(finds('Soekarno', 'Sukarno'));
    assert.ok(finds('Tjahjadi Soetanto', 'Cahyadi Sutanto'));
    assert.ok(finds('Nurul Huda', 'Nur Huda'));
    assert.ok(finds('Fatima Az-Zahra', 'Fatimah Al-Zahrah'));
    assert.ok(finds('Maruf Amin', "K.H. Ma'ruf Amin"));
    assert.ok(finds('M Yusuf', 'Muhammad Yusuf'));
    assert.ok(finds('Widodo', 'Dr. Ir. H. Joko Widodo, S.H., M.M.'));
    assert.ok(finds('Mohd Rizal bin Ismail', 'Muhammad Rizal Ismail'));
  });

  it('finds by part of the name but not by a name the person does not have', () => {
    assert.ok(finds('Siti', 'Siti Nurhaliza'));
    assert.ok(!finds('Siti Aminah', 'Siti Nurhaliza'));
    assert.ok(!finds('Putri', 'Putra Wijaya'));
    assert.ok(!finds('Jamal', 'Jamil Ahmad'));
    assert.ok(!finds('Budi Santoso', 'Bayu Santoso'));
    assert.ok(!finds('Rahmat', 'Abdul Rahman'));
  });

  it('does not split an Abd-compound: "Rahman" alone does not find Abdurrahman', () => {
    // The cost of making Abdurrahman, Abdul Rahman and Abd al-Rahman one key.
    assert.ok(!finds('Rahman', 'Abdurrahman Wahid'));
    assert.ok(finds('Abdurrahman', 'Abdul Rahman Wahid'));
  });
});
