import type { SessionSeed } from '../types';

/** Joins blocks of markup (paragraphs, headings, lists) with blank lines. */
const md = (...blocks: string[]): string => blocks.join('\n\n');
/** A bulleted list. */
const list = (...items: string[]): string => items.map((item) => '- ' + item).join('\n');
/** A numbered list. */
const steps = (...items: string[]): string => items.map((item, i) => i + 1 + '. ' + item).join('\n');

export const sessions: SessionSeed[] = [
  // ------------------------------------------------------------------ past
  {
    slug: 'community-pantries-beyond-charity',
    kind: 'webinar',
    startsInDays: -90,
    startTime: '17:30',
    durationMinutes: 90,
    timezone: 'Europe/Madrid',
    spokenLanguages: ['ca', 'es', 'en'],
    recordingUrl: 'https://example.org/recordings/community-pantries-beyond-charity',
    title: {
      en: 'From parcels to choice: community pantries beyond charity',
      ca: 'Del lot a l’elecció: rebosts comunitaris més enllà de la caritat',
      es: 'Del lote a la elección: despensas comunitarias más allá de la caridad',
      el: 'Από το δέμα στην επιλογή: κοινοτικά παντοπωλεία πέρα από τη φιλανθρωπία',
      fr: 'Du colis au choix : les épiceries solidaires au-delà de la charité',
    },
    summary: {
      en: 'A community pantry in Manlleu and a solidarity grocery in Lyon explain how they replaced standard food parcels with free choice, fair prices and volunteers who also use the service.',
      ca: 'Un rebost comunitari de Manlleu i una botiga solidària de Lió expliquen com han substituït els lots estàndard per la lliure elecció, preus justos i un voluntariat format també per persones usuàries.',
      es: 'Una despensa comunitaria de Manlleu y una tienda solidaria de Lyon explican cómo han sustituido los lotes estándar por la libre elección, precios justos y un voluntariado formado también por personas usuarias.',
      el: 'Ένα κοινοτικό παντοπωλείο του Manlleu και ένα αλληλέγγυο παντοπωλείο της Λυών εξηγούν πώς αντικατέστησαν τα τυποποιημένα δέματα με την ελεύθερη επιλογή, τις δίκαιες τιμές και εθελοντές που είναι και οι ίδιοι χρήστες.',
      fr: 'Un garde-manger solidaire de Manlleu et une épicerie solidaire de Lyon racontent comment ils ont remplacé les colis standard par le libre choix, des prix justes et des bénévoles qui sont aussi usagers.',
    },
    description: {
      en: md(
        'Food aid is often organised as a one-way gift. In this webinar two projects show another way, where people choose their own food and take part in running the place.',
        '## On the agenda',
        list(
          'Points cards and income-based prices: two ways to make choice fair',
          'Buying from local farmers without losing affordability',
          'Volunteering as participation, not only as help',
        ),
        'Interpretation between Catalan, Spanish and English is provided.',
      ),
      ca: md(
        'L’ajuda alimentària sovint s’organitza com un regal en una sola direcció. En aquest webinar, dos projectes mostren un altre camí, on les persones trien els seus aliments i participen en la gestió de l’espai.',
        '## Ordre del dia',
        list(
          'Targetes de punts i preus segons ingressos: dues maneres de fer justa l’elecció',
          'Comprar a la pagesia local sense perdre l’accessibilitat',
          'El voluntariat com a participació, no només com a ajuda',
        ),
        'Hi haurà interpretació entre català, castellà i anglès.',
      ),
      es: md(
        'La ayuda alimentaria a menudo se organiza como un regalo en una sola dirección. En este webinar, dos proyectos muestran otro camino, en el que las personas eligen sus alimentos y participan en la gestión del espacio.',
        '## Orden del día',
        list(
          'Tarjetas de puntos y precios según ingresos: dos maneras de hacer justa la elección',
          'Comprar al campesinado local sin perder la accesibilidad',
          'El voluntariado como participación, no solo como ayuda',
        ),
        'Habrá interpretación entre catalán, castellano e inglés.',
      ),
      el: md(
        'Η επισιτιστική βοήθεια οργανώνεται συχνά ως μονόδρομη προσφορά. Σε αυτό το διαδικτυακό σεμινάριο δύο εγχειρήματα δείχνουν έναν άλλο δρόμο, όπου οι άνθρωποι επιλέγουν μόνοι τους τα τρόφιμά τους και συμμετέχουν στη λειτουργία του χώρου.',
        '## Θέματα',
        list(
          'Κάρτες πόντων και τιμές ανάλογα με το εισόδημα: δύο τρόποι για δίκαιη επιλογή',
          'Αγορές από τοπικούς αγρότες χωρίς να χάνεται η προσιτότητα',
          'Ο εθελοντισμός ως συμμετοχή και όχι μόνο ως βοήθεια',
        ),
        'Παρέχεται διερμηνεία μεταξύ καταλανικών, ισπανικών και αγγλικών.',
      ),
      fr: md(
        'L’aide alimentaire est souvent pensée comme un don à sens unique. Dans ce webinaire, deux projets montrent une autre voie, où chacun choisit ses produits et participe à la vie du lieu.',
        '## Au programme',
        list(
          'Cartes à points et prix selon les revenus : deux façons de rendre le choix équitable',
          'Acheter aux paysans locaux sans renoncer à des prix accessibles',
          'Le bénévolat comme participation, et pas seulement comme aide',
        ),
        'Une interprétation entre catalan, espagnol et anglais est assurée.',
      ),
    },
    minutes: {
      en: md(
        '## Participants',
        '62 people from 31 organisations in 7 countries, with interpretation between Catalan, Spanish and English.',
        '## Main points',
        'Both projects described the move from standard parcels to free choice. The points card in Manlleu and the income-based prices in Lyon answer the same question: how to protect dignity without losing sight of who needs the most support.',
        '## Decisions',
        list(
          'Teixit will publish a joint guide on choice-based food aid, drawing on both practices',
          'The next exchange visit will take place in Manlleu in spring, open to five municipalities',
        ),
        '## Action points',
        list(
          'Rebost Comunitari del Ter: share the points grid and the volunteer rota template (within two weeks)',
          'Panier Commun: translate the price-grid method into Catalan and Spanish',
          'Teixit technical team: collect questions from municipalities that want to pilot the model',
        ),
      ),
      ca: md(
        '## Participació',
        '62 persones de 31 organitzacions de 7 països, amb interpretació entre català, castellà i anglès.',
        '## Idees principals',
        'Tots dos projectes van explicar el pas dels lots estàndard a la lliure elecció. La targeta de punts de Manlleu i els preus segons ingressos de Lió responen a la mateixa pregunta: com protegir la dignitat sense perdre de vista qui necessita més suport.',
        '## Acords',
        list(
          'Teixit publicarà una guia conjunta sobre ajuda alimentària basada en l’elecció, a partir de les dues pràctiques',
          'La propera visita d’intercanvi serà a Manlleu a la primavera, oberta a cinc municipis',
        ),
        '## Tasques',
        list(
          'Rebost Comunitari del Ter: compartir la graella de punts i el model de torns de voluntariat (en dues setmanes)',
          'Panier Commun: traduir el mètode de la graella de preus al català i al castellà',
          'Equip tècnic de Teixit: recollir les preguntes dels municipis que vulguin provar el model',
        ),
      ),
      es: md(
        '## Participación',
        '62 personas de 31 organizaciones de 7 países, con interpretación entre catalán, castellano e inglés.',
        '## Ideas principales',
        'Ambos proyectos explicaron el paso de los lotes estándar a la libre elección. La tarjeta de puntos de Manlleu y los precios según ingresos de Lyon responden a la misma pregunta: cómo proteger la dignidad sin perder de vista quién necesita más apoyo.',
        '## Acuerdos',
        list(
          'Teixit publicará una guía conjunta sobre ayuda alimentaria basada en la elección, a partir de las dos prácticas',
          'La próxima visita de intercambio será en Manlleu en primavera, abierta a cinco municipios',
        ),
        '## Tareas',
        list(
          'Rebost Comunitari del Ter: compartir la tabla de puntos y el modelo de turnos de voluntariado (en dos semanas)',
          'Panier Commun: traducir el método de la tabla de precios al catalán y al castellano',
          'Equipo técnico de Teixit: recoger las preguntas de los municipios que quieran probar el modelo',
        ),
      ),
      fr: md(
        '## Participation',
        '62 personnes de 31 organisations de 7 pays, avec interprétation entre catalan, espagnol et anglais.',
        '## Points clés',
        'Les deux projets ont expliqué le passage du colis standard au libre choix. La carte à points de Manlleu et les prix selon les revenus de Lyon répondent à la même question : comment préserver la dignité sans perdre de vue celles et ceux qui ont le plus besoin de soutien.',
        '## Décisions',
        list(
          'Teixit publiera un guide commun sur l’aide alimentaire fondée sur le choix, à partir des deux pratiques',
          'La prochaine visite d’échange aura lieu à Manlleu au printemps, ouverte à cinq communes',
        ),
        '## Actions à mener',
        list(
          'Rebost Comunitari del Ter : partager la grille de points et le modèle de planning des bénévoles (sous deux semaines)',
          'Panier Commun : traduire la méthode de la grille tarifaire en catalan et en espagnol',
          'Équipe technique de Teixit : recueillir les questions des communes qui souhaitent tester le modèle',
        ),
      ),
    },
    speakers: [
      { name: 'Núria Puigdollers Serra', role: { en: 'Coordinator', ca: 'Coordinadora', es: 'Coordinadora', el: 'Συντονίστρια', fr: 'Coordinatrice' }, organisation: 'Associació Rebost Comunitari del Ter' },
      { name: 'Camille Berthier', role: { en: 'Co-director', ca: 'Codirectora', es: 'Codirectora', el: 'Συνδιευθύντρια', fr: 'Codirectrice' }, organisation: 'Panier Commun' },
      { name: 'Pere Vilaró Soler', role: { en: 'Technical adviser (moderator)', ca: 'Assessor tècnic (moderador)', es: 'Asesor técnico (moderador)', el: 'Τεχνικός σύμβουλος (συντονιστής)', fr: 'Conseiller technique (modérateur)' }, organisation: 'Teixit – Xarxa Municipal per l’Economia Solidària' },
    ],
    organisers: ['teixit-xarxa-municipal', 'mosaic-solidarity-network'],
    topics: ['food-and-basic-goods', 'volunteering-and-mutual-aid'],
    practices: ['rebost-comunitari-manlleu', 'panier-commun-solidarity-grocery'],
    published: true,
  },
  {
    slug: 'peer-review-open-hardware-refurbished-computers',
    kind: 'peer-review',
    startsInDays: -45,
    startTime: '10:00',
    durationMinutes: 180,
    timezone: 'Europe/Athens',
    spokenLanguages: ['el', 'en'],
    recordingUrl: 'https://example.org/recordings/peer-review-open-hardware',
    title: {
      en: 'Peer review: open hardware and refurbished computers in times of crisis',
      ca: 'Revisió entre iguals: maquinari obert i ordinadors reacondicionats en temps de crisi',
      es: 'Revisión entre pares: hardware abierto y ordenadores reacondicionados en tiempos de crisis',
      el: 'Αξιολόγηση από ομοτίμους: ανοιχτό υλικό και ανακατασκευασμένοι υπολογιστές σε καιρούς κρίσης',
    },
    summary: {
      en: 'Six peers from four countries review two Greek practices: a fablab that made face shields for clinics, and a cooperative that lends refurbished laptops through public libraries.',
      ca: 'Sis iguals de quatre països revisen dues pràctiques gregues: un fablab que va fabricar pantalles facials per a centres de salut i una cooperativa que presta portàtils reacondicionats a través de biblioteques públiques.',
      es: 'Seis pares de cuatro países revisan dos prácticas griegas: un fablab que fabricó pantallas faciales para centros de salud y una cooperativa que presta portátiles reacondicionados a través de bibliotecas públicas.',
      el: 'Έξι ομότιμοι από τέσσερις χώρες αξιολογούν δύο ελληνικές πρακτικές: ένα fablab που κατασκεύασε προσωπίδες για ιατρεία και έναν συνεταιρισμό που δανείζει ανακατασκευασμένους φορητούς μέσω δημόσιων βιβλιοθηκών.',
    },
    description: {
      en: md(
        'Peer review is how Mosaic members learn from each other: a practice is presented in depth, and colleagues from other countries ask hard questions and suggest improvements.',
        '## Practices under review',
        list(
          'Kypseli makers: face shields for clinics and a lasting open-hardware network',
          'Laptops on loan: a lending library of refurbished computers in Thessaloniki',
        ),
        'The session is held in Greek and English, with live subtitles.',
      ),
      ca: md(
        'La revisió entre iguals és la manera com els membres de Mosaic aprenen els uns dels altres: es presenta una pràctica a fons i col·legues d’altres països hi fan preguntes exigents i proposen millores.',
        '## Pràctiques en revisió',
        list(
          'Els makers de Kypseli: pantalles facials per als centres de salut i una xarxa estable de maquinari obert',
          'Portàtils en préstec: una biblioteca d’ordinadors reacondicionats a Tessalònica',
        ),
        'La sessió es fa en grec i en anglès, amb subtítols en directe.',
      ),
      es: md(
        'La revisión entre pares es la forma en que los miembros de Mosaic aprenden unos de otros: se presenta una práctica a fondo y colegas de otros países plantean preguntas exigentes y proponen mejoras.',
        '## Prácticas en revisión',
        list(
          'Los makers de Kypseli: pantallas faciales para los centros de salud y una red estable de hardware abierto',
          'Portátiles en préstamo: una biblioteca de ordenadores reacondicionados en Salónica',
        ),
        'La sesión se desarrolla en griego y en inglés, con subtítulos en directo.',
      ),
      el: md(
        'Η αξιολόγηση από ομοτίμους είναι ο τρόπος με τον οποίο τα μέλη του Mosaic μαθαίνουν το ένα από το άλλο: μια πρακτική παρουσιάζεται σε βάθος και συνάδελφοι από άλλες χώρες θέτουν δύσκολα ερωτήματα και προτείνουν βελτιώσεις.',
        '## Πρακτικές προς αξιολόγηση',
        list(
          'Οι κατασκευαστές της Κυψέλης: προσωπίδες για τα ιατρεία και ένα μόνιμο δίκτυο ανοιχτού υλικού',
          'Φορητοί με δανεισμό: μια δανειστική βιβλιοθήκη ανακατασκευασμένων υπολογιστών στη Θεσσαλονίκη',
        ),
        'Η συνάντηση γίνεται στα ελληνικά και στα αγγλικά, με ζωντανούς υπότιτλους.',
      ),
    },
    minutes: {
      en: md(
        '## Format',
        'Two practices were presented for 30 minutes each and reviewed by six peers from four countries, following the network’s peer-review guide.',
        '## Strengths noted by the peers',
        list(
          'Open designs and transparent costs made the response fast and trustworthy',
          'Lending rather than donating keeps devices in use and the relationship with borrowers alive',
        ),
        '## Decisions',
        list(
          'Both practices are recommended for the European collection, with the reviewers’ comments attached',
          'Koinos Topos will propose a national scheme of refurbished laptops for schools to the Ministry of Education',
        ),
        '## Action points',
        list(
          'Ergastiri: document the quality checks used for the face shields',
          'Kyklos: publish its data-wiping procedure under an open licence',
          'Mosaic secretariat: circulate the recording with Greek and English subtitles',
        ),
      ),
      el: md(
        '## Μορφή',
        'Παρουσιάστηκαν δύο πρακτικές, 30 λεπτά η καθεμία, και αξιολογήθηκαν από έξι ομότιμους από τέσσερις χώρες, σύμφωνα με τον οδηγό αξιολόγησης του δικτύου.',
        '## Δυνατά σημεία κατά τους αξιολογητές',
        list(
          'Τα ανοιχτά σχέδια και το διαφανές κόστος έκαναν την ανταπόκριση γρήγορη και αξιόπιστη',
          'Ο δανεισμός αντί της δωρεάς κρατά τις συσκευές σε χρήση και τη σχέση με τους δανειζόμενους ζωντανή',
        ),
        '## Αποφάσεις',
        list(
          'Και οι δύο πρακτικές προτείνονται για την ευρωπαϊκή συλλογή, μαζί με τα σχόλια των αξιολογητών',
          'Ο Κοινός Τόπος θα προτείνει στο Υπουργείο Παιδείας ένα εθνικό πρόγραμμα ανακατασκευασμένων φορητών για τα σχολεία',
        ),
        '## Επόμενα βήματα',
        list(
          'Ergastiri: καταγραφή των ποιοτικών ελέγχων που χρησιμοποιήθηκαν για τις προσωπίδες',
          'Kyklos: δημοσίευση της διαδικασίας διαγραφής δεδομένων με ανοιχτή άδεια',
          'Γραμματεία του Mosaic: διανομή της βιντεοσκόπησης με υπότιτλους στα ελληνικά και στα αγγλικά',
        ),
      ),
    },
    speakers: [
      { name: 'Dimitra Karagianni', role: { en: 'Fablab coordinator', ca: 'Coordinadora del fablab', es: 'Coordinadora del fablab', el: 'Συντονίστρια του fablab', fr: 'Coordinatrice du fablab' }, organisation: 'Ergastiri Open Fablab' },
      { name: 'Yannis Petridis', role: { en: 'Worker-member', ca: 'Soci treballador', es: 'Socio trabajador', el: 'Εργαζόμενο μέλος', fr: 'Membre travailleur' }, organisation: 'Kyklos Koin.S.Ep.' },
      { name: 'Sofie De Wilde', role: { en: 'Peer reviewer', ca: 'Avaluadora externa', es: 'Evaluadora externa', el: 'Αξιολογήτρια', fr: 'Évaluatrice externe' }, organisation: 'Lichtkring Energiecoöperatie' },
      { name: 'Chiara Benassi', role: { en: 'Peer reviewer', ca: 'Avaluadora externa', es: 'Evaluadora externa', el: 'Αξιολογήτρια', fr: 'Évaluatrice externe' }, organisation: 'Mani Intrecciate Cooperativa Sociale' },
    ],
    organisers: ['koinos-topos', 'mosaic-solidarity-network'],
    topics: ['local-production-and-fablabs', 'digital-inclusion', 'health-and-care'],
    practices: ['kypseli-makers-face-shields', 'laptop-lending-library-thessaloniki'],
    published: true,
  },
  {
    slug: 'seminar-social-clauses-that-hold-up',
    kind: 'seminar',
    startsInDays: -10,
    startTime: '10:00',
    durationMinutes: 120,
    timezone: 'Europe/Madrid',
    spokenLanguages: ['ca', 'es'],
    recordingUrl: 'https://example.org/recordings/social-clauses-seminar',
    title: {
      en: 'Social clauses that hold up: a practical seminar on responsible procurement',
      ca: 'Clàusules socials que aguanten: seminari pràctic de compra pública responsable',
      es: 'Cláusulas sociales que se sostienen: seminario práctico de compra pública responsable',
      el: 'Κοινωνικές ρήτρες που αντέχουν: πρακτικό σεμινάριο για τις υπεύθυνες δημόσιες συμβάσεις',
    },
    summary: {
      en: 'Procurement officers and lawyers from Catalan councils work through real tender documents from Santa Coloma de Gramenet, from social and gender-equality clauses to contracts reserved for the social economy.',
      ca: 'Personal tècnic de contractació i juristes d’ajuntaments catalans treballen sobre plecs reals de Santa Coloma de Gramenet, des de les clàusules socials i d’igualtat fins als contractes reservats a l’economia social.',
      es: 'Personal técnico de contratación y juristas de ayuntamientos catalanes trabajan sobre pliegos reales de Santa Coloma de Gramenet, desde las cláusulas sociales y de igualdad hasta los contratos reservados a la economía social.',
      el: 'Υπάλληλοι προμηθειών και νομικοί καταλανικών δήμων δουλεύουν πάνω σε πραγματικά τεύχη διαγωνισμών της Santa Coloma de Gramenet, από τις κοινωνικές ρήτρες και τις ρήτρες ισότητας έως τις συμβάσεις που προορίζονται για την κοινωνική οικονομία.',
    },
    description: {
      en: md(
        'A hands-on seminar for municipal staff who write or review tender documents. Bring a contract you are preparing: part of the session is spent adapting the model clauses to real cases.',
        '## Programme',
        steps(
          'The Santa Coloma model clauses, explained by the people who drafted them',
          'Reserved contracts: who can bid and how to justify the reservation',
          'Small-group workshop on the participants’ own tenders',
        ),
        'The seminar is held in Catalan and Spanish.',
      ),
      ca: md(
        'Un seminari pràctic per al personal municipal que redacta o revisa plecs. Porteu un contracte que estigueu preparant: una part de la sessió es dedica a adaptar les clàusules tipus a casos reals.',
        '## Programa',
        steps(
          'Les clàusules tipus de Santa Coloma, explicades per les persones que les van redactar',
          'Contractes reservats: qui s’hi pot presentar i com justificar la reserva',
          'Taller en grups petits sobre les licitacions de les persones participants',
        ),
        'El seminari es fa en català i castellà.',
      ),
      es: md(
        'Un seminario práctico para el personal municipal que redacta o revisa pliegos. Traed un contrato que estéis preparando: parte de la sesión se dedica a adaptar las cláusulas tipo a casos reales.',
        '## Programa',
        steps(
          'Las cláusulas tipo de Santa Coloma, explicadas por las personas que las redactaron',
          'Contratos reservados: quién puede presentarse y cómo justificar la reserva',
          'Taller en grupos pequeños sobre las licitaciones de las personas participantes',
        ),
        'El seminario se desarrolla en catalán y castellano.',
      ),
      el: md(
        'Ένα πρακτικό σεμινάριο για δημοτικούς υπαλλήλους που συντάσσουν ή ελέγχουν τεύχη διαγωνισμών. Φέρτε μια σύμβαση που ετοιμάζετε: μέρος της συνάντησης αφιερώνεται στην προσαρμογή των πρότυπων ρητρών σε πραγματικές περιπτώσεις.',
        '## Πρόγραμμα',
        steps(
          'Οι πρότυπες ρήτρες της Santa Coloma, από όσους τις συνέταξαν',
          'Δεσμευμένες συμβάσεις: ποιος μπορεί να συμμετάσχει και πώς αιτιολογείται η δέσμευση',
          'Εργαστήριο σε μικρές ομάδες πάνω στους διαγωνισμούς των συμμετεχόντων',
        ),
        'Το σεμινάριο διεξάγεται στα καταλανικά και στα ισπανικά.',
      ),
    },
    minutes: {
      en: md(
        '## Summary',
        'The seminar went through the model clauses adopted in Santa Coloma de Gramenet and how the neighbourhood care points use a reserved contract. Legal questions focused on how to weight social criteria without breaching the principle of equal treatment.',
        '## Decisions',
        list(
          'Teixit will turn the Santa Coloma clauses into a model that small municipalities can use without a procurement department',
          'A working group on reserved contracts will be set up with six volunteer councils',
        ),
        '## Action points',
        list(
          'Santa Coloma procurement office: share anonymised tender documents with the working group',
          'Teixit: organise two online clinics for municipal legal staff before the summer',
          'All participants: send examples of clauses that have been challenged',
        ),
      ),
      ca: md(
        '## Resum',
        'El seminari va repassar les clàusules tipus aprovades a Santa Coloma de Gramenet i com els punts de cura de barri fan servir un contracte reservat. Les preguntes jurídiques es van centrar en com ponderar els criteris socials sense vulnerar el principi d’igualtat de tracte.',
        '## Acords',
        list(
          'Teixit adaptarà les clàusules de Santa Coloma en un model que els municipis petits puguin fer servir sense un departament de contractació',
          'Es crearà un grup de treball sobre contractes reservats amb sis ajuntaments voluntaris',
        ),
        '## Tasques',
        list(
          'Oficina de contractació de Santa Coloma: compartir plecs anonimitzats amb el grup de treball',
          'Teixit: organitzar dues sessions de consulta en línia per a juristes municipals abans de l’estiu',
          'Totes les persones participants: enviar exemples de clàusules que hagin estat recorregudes',
        ),
      ),
      es: md(
        '## Resumen',
        'El seminario repasó las cláusulas tipo aprobadas en Santa Coloma de Gramenet y cómo los puntos de cuidado de barrio utilizan un contrato reservado. Las preguntas jurídicas se centraron en cómo ponderar los criterios sociales sin vulnerar el principio de igualdad de trato.',
        '## Acuerdos',
        list(
          'Teixit adaptará las cláusulas de Santa Coloma en un modelo que los municipios pequeños puedan usar sin un departamento de contratación',
          'Se creará un grupo de trabajo sobre contratos reservados con seis ayuntamientos voluntarios',
        ),
        '## Tareas',
        list(
          'Oficina de contratación de Santa Coloma: compartir pliegos anonimizados con el grupo de trabajo',
          'Teixit: organizar dos sesiones de consulta en línea para juristas municipales antes del verano',
          'Todas las personas participantes: enviar ejemplos de cláusulas que hayan sido recurridas',
        ),
      ),
    },
    speakers: [
      { name: 'Laia Soler Roca', role: { en: 'Head of the equality department', ca: 'Cap del departament d’igualtat', es: 'Jefa del departamento de igualdad', el: 'Προϊσταμένη του τμήματος ισότητας', fr: 'Responsable du service de l’égalité' }, organisation: 'Ajuntament de Santa Coloma de Gramenet' },
      { name: 'Marc Riera Pons', role: { en: 'Public procurement lawyer', ca: 'Advocat de contractació pública', es: 'Abogado de contratación pública', el: 'Δικηγόρος δημοσίων συμβάσεων', fr: 'Avocat en marchés publics' }, organisation: 'Teixit legal advisory service' },
      { name: 'Carme Bosch Vila', role: { en: 'Network coordinator', ca: 'Coordinadora de la xarxa', es: 'Coordinadora de la red', el: 'Συντονίστρια του δικτύου', fr: 'Coordinatrice du réseau' }, organisation: 'Teixit – Xarxa Municipal per l’Economia Solidària' },
    ],
    organisers: ['teixit-xarxa-municipal', 'ajuntament-de-santa-coloma'],
    topics: ['public-policy-and-procurement', 'feminist-and-intersectional-perspectives'],
    practices: ['responsible-procurement-santa-coloma', 'neighbourhood-care-points-santa-coloma'],
    published: true,
  },

  // -------------------------------------------------------------- upcoming
  {
    slug: 'workshop-preparing-your-practice-fiche',
    kind: 'workshop',
    startsInDays: 7,
    startTime: '16:00',
    durationMinutes: 90,
    timezone: 'Europe/Madrid',
    spokenLanguages: ['ca', 'es'],
    registrationUrl: 'https://example.org/events/practice-fiche-workshop/register',
    joinUrl: 'https://meet.example/teixit-practice-fiche',
    title: {
      en: 'Workshop: preparing your good-practice fiche for the open call',
      ca: 'Taller: prepareu la fitxa de bona pràctica per a la convocatòria',
      es: 'Taller: preparad la ficha de buena práctica para la convocatoria',
    },
    summary: {
      en: 'A short, practical session for municipal staff and SSE organisations who want to send a practice to the open call on the cost-of-living crisis. Bring your draft.',
      ca: 'Una sessió breu i pràctica per a personal municipal i entitats d’ESS que vulguin presentar una pràctica a la convocatòria oberta sobre la crisi del cost de la vida. Porteu el vostre esborrany.',
      es: 'Una sesión breve y práctica para personal municipal y entidades de ESS que quieran presentar una práctica a la convocatoria abierta sobre la crisis del coste de la vida. Traed vuestro borrador.',
    },
    description: {
      en: md(
        'The technical team of Teixit will go through the fiche field by field, with examples of practices already published in the collection.',
        list(
          'What makes a summary clear in fewer than 600 characters',
          'How to show inter-cooperation and results with simple figures',
          'Licences, photos and consent: what you can publish',
        ),
        'Registration is free; the link to join will be sent the day before.',
      ),
      ca: md(
        'L’equip tècnic de Teixit repassarà la fitxa camp per camp, amb exemples de pràctiques ja publicades al recull.',
        list(
          'Què fa que un resum sigui clar en menys de 600 caràcters',
          'Com mostrar la intercooperació i els resultats amb xifres senzilles',
          'Llicències, fotografies i consentiment: què es pot publicar',
        ),
        'La inscripció és gratuïta; l’enllaç per connectar-vos s’enviarà el dia abans.',
      ),
      es: md(
        'El equipo técnico de Teixit repasará la ficha campo por campo, con ejemplos de prácticas ya publicadas en la colección.',
        list(
          'Qué hace que un resumen sea claro en menos de 600 caracteres',
          'Cómo mostrar la intercooperación y los resultados con cifras sencillas',
          'Licencias, fotografías y consentimiento: qué se puede publicar',
        ),
        'La inscripción es gratuita; el enlace para conectarse se enviará el día anterior.',
      ),
    },
    speakers: [
      { name: 'Pere Vilaró Soler', role: { en: 'Technical adviser', ca: 'Assessor tècnic', es: 'Asesor técnico', el: 'Τεχνικός σύμβουλος', fr: 'Conseiller technique' }, organisation: 'Teixit – Xarxa Municipal per l’Economia Solidària' },
      { name: 'Aina Costa Mir', role: { en: 'Cooperative mentor', ca: 'Mentora de cooperatives', es: 'Mentora de cooperativas', el: 'Μέντορας συνεταιρισμών', fr: 'Mentore de coopératives' }, organisation: 'La Brotada SCCL' },
    ],
    organisers: ['teixit-xarxa-municipal'],
    topics: ['public-policy-and-procurement', 'youth'],
    practices: ['la-brotada-youth-cooperative-incubator', 'rebost-comunitari-manlleu'],
    published: true,
  },
  {
    slug: 'webinar-energy-communities-housing-cooperatives',
    kind: 'webinar',
    startsInDays: 21,
    startTime: '18:00',
    durationMinutes: 75,
    timezone: 'Europe/Brussels',
    spokenLanguages: ['en', 'fr', 'nl'],
    registrationUrl: 'https://example.org/events/energy-housing-webinar/register',
    joinUrl: 'https://meet.example/mosaic-energy-housing',
    title: {
      en: 'Power to the tenants: energy communities and housing cooperatives',
      ca: 'El poder als llogaters: comunitats energètiques i cooperatives d’habitatge',
      es: 'El poder a los inquilinos: comunidades energéticas y cooperativas de vivienda',
      el: 'Η δύναμη στους ενοικιαστές: ενεργειακές κοινότητες και στεγαστικοί συνεταιρισμοί',
      fr: 'Le pouvoir aux locataires : communautés d’énergie et coopératives d’habitants',
    },
    summary: {
      en: 'A citizen energy cooperative from Ghent and a housing cooperative from Leipzig discuss how tenants can own the roofs, the heating and the walls, and how to protect people in energy poverty.',
      ca: 'Una cooperativa d’energia ciutadana de Gant i una cooperativa d’habitatge de Leipzig expliquen com les persones llogateres poden ser propietàries de les teulades, de la calefacció i de les parets, i com protegir les llars en pobresa energètica.',
      es: 'Una cooperativa de energía ciudadana de Gante y una cooperativa de vivienda de Leipzig explican cómo los inquilinos pueden ser propietarios de los tejados, de la calefacción y de las paredes, y cómo proteger a los hogares en pobreza energética.',
      el: 'Ένας ενεργειακός συνεταιρισμός πολιτών από τη Γάνδη και ένας στεγαστικός συνεταιρισμός από τη Λειψία συζητούν πώς οι ενοικιαστές μπορούν να γίνουν ιδιοκτήτες των στεγών, της θέρμανσης και των τοίχων, και πώς προστατεύονται τα νοικοκυριά σε ενεργειακή φτώχεια.',
      fr: 'Une coopérative d’énergie citoyenne de Gand et une coopérative d’habitants de Leipzig expliquent comment les locataires peuvent posséder les toits, le chauffage et les murs, et comment protéger les ménages en précarité énergétique.',
    },
    description: {
      en: md(
        'Energy and housing are where the cost-of-living crisis bites hardest. This webinar brings together two cooperatives that answer it with shared ownership rather than subsidies.',
        '## Questions we will discuss',
        list(
          'Leasing public roofs to citizen cooperatives: what the contract must say',
          'Solidarity tariffs that nobody has to apply for',
          'Financing the ecological renovation of cooperative housing',
        ),
        'Simultaneous interpretation in English, French and Dutch.',
      ),
      ca: md(
        'L’energia i l’habitatge són on la crisi del cost de la vida colpeja més fort. Aquest webinar reuneix dues cooperatives que hi responen amb propietat col·lectiva més que no pas amb subvencions.',
        '## Qüestions que tractarem',
        list(
          'Cedir teulades públiques a cooperatives ciutadanes: què ha de dir el contracte',
          'Tarifes solidàries que ningú no ha de sol·licitar',
          'Finançar la rehabilitació ecològica de l’habitatge cooperatiu',
        ),
        'Interpretació simultània en anglès, francès i neerlandès.',
      ),
      es: md(
        'La energía y la vivienda son donde la crisis del coste de la vida golpea con más fuerza. Este webinar reúne a dos cooperativas que responden con propiedad colectiva más que con subvenciones.',
        '## Cuestiones que trataremos',
        list(
          'Ceder tejados públicos a cooperativas ciudadanas: qué debe decir el contrato',
          'Tarifas solidarias que nadie tiene que solicitar',
          'Financiar la rehabilitación ecológica de la vivienda cooperativa',
        ),
        'Interpretación simultánea en inglés, francés y neerlandés.',
      ),
      el: md(
        'Η ενέργεια και η στέγαση είναι τα πεδία όπου η κρίση του κόστους ζωής χτυπά πιο σκληρά. Αυτό το διαδικτυακό σεμινάριο φέρνει κοντά δύο συνεταιρισμούς που απαντούν με συλλογική ιδιοκτησία και όχι με επιδόματα.',
        '## Θέματα συζήτησης',
        list(
          'Μίσθωση δημόσιων στεγών σε συνεταιρισμούς πολιτών: τι πρέπει να προβλέπει η σύμβαση',
          'Αλληλέγγυα τιμολόγια χωρίς αιτήσεις και δικαιολογητικά',
          'Χρηματοδότηση της οικολογικής ανακαίνισης της συνεταιριστικής κατοικίας',
        ),
        'Ταυτόχρονη διερμηνεία στα αγγλικά, γαλλικά και ολλανδικά.',
      ),
      fr: md(
        'C’est sur l’énergie et le logement que la crise du coût de la vie frappe le plus fort. Ce webinaire réunit deux coopératives qui y répondent par la propriété collective plutôt que par les aides.',
        '## Les questions abordées',
        list(
          'Louer des toits publics à des coopératives citoyennes : ce que doit prévoir le contrat',
          'Des tarifs solidaires que personne n’a besoin de demander',
          'Financer la rénovation écologique de l’habitat coopératif',
        ),
        'Interprétation simultanée en anglais, français et néerlandais.',
      ),
    },
    speakers: [
      { name: 'Sofie De Wilde', role: { en: 'Co-founder', ca: 'Cofundadora', es: 'Cofundadora', el: 'Συνιδρύτρια', fr: 'Cofondatrice' }, organisation: 'Lichtkring Energiecoöperatie' },
      { name: 'Jonas Hartmann', role: { en: 'Board member', ca: 'Membre del consell rector', es: 'Miembro del consejo rector', el: 'Μέλος του διοικητικού συμβουλίου', fr: 'Membre du conseil d’administration' }, organisation: 'Wohngenossenschaft Hinterhof Plagwitz eG' },
      { name: 'Élodie Marchand', role: { en: 'Policy officer (moderator)', ca: 'Responsable de polítiques (moderadora)', es: 'Responsable de políticas (moderadora)', el: 'Υπεύθυνη πολιτικής (συντονίστρια)', fr: 'Chargée de plaidoyer (modératrice)' }, organisation: 'Mosaic – European Solidarity Economy Network' },
    ],
    organisers: ['mosaic-solidarity-network', 'lichtkring-energie'],
    topics: ['ecological-transition', 'housing'],
    practices: ['lichtkring-solar-roofs-solidarity-tariff', 'hinterhof-plagwitz-housing-cooperative'],
    published: true,
  },
  {
    slug: 'mosaic-annual-assembly-lisbon',
    kind: 'assembly',
    startsInDays: 40,
    startTime: '09:30',
    durationMinutes: 300,
    timezone: 'Europe/Lisbon',
    spokenLanguages: ['en', 'pt', 'es', 'fr'],
    registrationUrl: 'https://example.org/events/mosaic-assembly/register',
    joinUrl: 'https://meet.example/mosaic-assembly',
    title: {
      en: 'Mosaic annual assembly: a common agenda for local SSE networks',
      ca: 'Assemblea anual de Mosaic: una agenda comuna per a les xarxes locals d’ESS',
      es: 'Asamblea anual de Mosaic: una agenda común para las redes locales de ESS',
      el: 'Ετήσια συνέλευση του Mosaic: μια κοινή ατζέντα για τα τοπικά δίκτυα ΚΑλΟ',
      fr: 'Assemblée annuelle de Mosaic : un agenda commun pour les réseaux locaux de l’ESS',
    },
    summary: {
      en: 'Members meet in Lisbon and online to adopt next year’s work plan, elect the coordination team and discuss finance for local SSE networks, with Porto’s Tostão as a case study.',
      ca: 'Les organitzacions membres es troben a Lisboa i en línia per aprovar el pla de treball de l’any vinent, escollir l’equip de coordinació i debatre el finançament de les xarxes locals d’ESS, amb el Tostão de Porto com a cas d’estudi.',
      es: 'Las organizaciones miembro se reúnen en Lisboa y en línea para aprobar el plan de trabajo del próximo año, elegir al equipo de coordinación y debatir la financiación de las redes locales de ESS, con el Tostão de Oporto como caso de estudio.',
      el: 'Τα μέλη συναντιούνται στη Λισαβόνα και διαδικτυακά για να εγκρίνουν το πρόγραμμα δράσης της επόμενης χρονιάς, να εκλέξουν την ομάδα συντονισμού και να συζητήσουν τη χρηματοδότηση των τοπικών δικτύων ΚΑλΟ, με μελέτη περίπτωσης το Tostão του Πόρτο.',
      fr: 'Les membres se réunissent à Lisbonne et en ligne pour adopter le programme de travail de l’année à venir, élire l’équipe de coordination et débattre du financement des réseaux locaux de l’ESS, avec le Tostão de Porto comme étude de cas.',
    },
    description: {
      en: md(
        'The assembly is open to all member organisations; observers are welcome but cannot vote. Documents are sent to members three weeks in advance.',
        '## Agenda',
        steps(
          'Welcome by the host organisations and approval of last year’s minutes',
          'Activity and financial reports',
          'Work plan and budget for the coming year',
          'Election of the coordination team',
          'Round table: patient capital and local currencies for SSE networks',
        ),
        'Interpretation is provided in English, Portuguese, Spanish and French.',
      ),
      ca: md(
        'L’assemblea és oberta a totes les organitzacions membres; les observadores hi són benvingudes, però sense dret a vot. La documentació s’envia a les entitats membres tres setmanes abans.',
        '## Ordre del dia',
        steps(
          'Benvinguda de les organitzacions amfitriones i aprovació de l’acta de l’any passat',
          'Informe d’activitats i informe econòmic',
          'Pla de treball i pressupost de l’any vinent',
          'Elecció de l’equip de coordinació',
          'Taula rodona: capital pacient i monedes locals per a les xarxes d’ESS',
        ),
        'Hi haurà interpretació en anglès, portuguès, castellà i francès.',
      ),
      es: md(
        'La asamblea está abierta a todas las organizaciones miembro; las observadoras son bienvenidas, pero sin derecho a voto. La documentación se envía a las entidades miembro tres semanas antes.',
        '## Orden del día',
        steps(
          'Bienvenida de las organizaciones anfitrionas y aprobación del acta del año pasado',
          'Informe de actividades e informe económico',
          'Plan de trabajo y presupuesto del próximo año',
          'Elección del equipo de coordinación',
          'Mesa redonda: capital paciente y monedas locales para las redes de ESS',
        ),
        'Habrá interpretación en inglés, portugués, castellano y francés.',
      ),
      el: md(
        'Η συνέλευση είναι ανοιχτή σε όλους τους φορείς-μέλη· οι παρατηρητές είναι ευπρόσδεκτοι, χωρίς δικαίωμα ψήφου. Τα έγγραφα αποστέλλονται στα μέλη τρεις εβδομάδες νωρίτερα.',
        '## Ημερήσια διάταξη',
        steps(
          'Καλωσόρισμα από τους φορείς υποδοχής και έγκριση των πρακτικών της περσινής συνέλευσης',
          'Απολογισμός δράσης και οικονομικός απολογισμός',
          'Πρόγραμμα δράσης και προϋπολογισμός της επόμενης χρονιάς',
          'Εκλογή της ομάδας συντονισμού',
          'Στρογγυλό τραπέζι: «υπομονετικό» κεφάλαιο και τοπικά νομίσματα για τα δίκτυα ΚΑλΟ',
        ),
        'Παρέχεται διερμηνεία στα αγγλικά, πορτογαλικά, ισπανικά και γαλλικά.',
      ),
      fr: md(
        'L’assemblée est ouverte à toutes les organisations membres ; les observateurs sont les bienvenus, sans droit de vote. Les documents sont envoyés aux membres trois semaines à l’avance.',
        '## Ordre du jour',
        steps(
          'Accueil par les organisations hôtes et approbation du procès-verbal de l’an dernier',
          'Rapport d’activité et rapport financier',
          'Programme de travail et budget de l’année à venir',
          'Élection de l’équipe de coordination',
          'Table ronde : capital patient et monnaies locales pour les réseaux de l’ESS',
        ),
        'Une interprétation est assurée en anglais, portugais, espagnol et français.',
      ),
    },
    speakers: [
      { name: 'Inês Carvalho', role: { en: 'Co-president', ca: 'Copresidenta', es: 'Copresidenta', el: 'Συμπρόεδρος', fr: 'Coprésidente' }, organisation: 'Mosaic – European Solidarity Economy Network' },
      { name: 'Tiago Moreira', role: { en: 'Director', ca: 'Director', es: 'Director', el: 'Διευθυντής', fr: 'Directeur' }, organisation: 'Entreposto Comum' },
      { name: 'Fiona Walsh', role: { en: 'Grants manager', ca: 'Responsable de subvencions', es: 'Responsable de subvenciones', el: 'Υπεύθυνη επιχορηγήσεων', fr: 'Responsable des subventions' }, organisation: 'Millbrook Community Foundation' },
    ],
    organisers: ['mosaic-solidarity-network', 'entreposto-comum'],
    topics: ['funding-and-finance', 'public-policy-and-procurement', 'local-trade-and-value-chains'],
    practices: ['tostao-local-currency-porto', 'community-shares-match-fund-manchester'],
    published: true,
  },

  // ----------------------------------------------------------------- draft
  {
    slug: 'care-cooperatives-bologna-santa-coloma-exchange',
    kind: 'workshop',
    startsInDays: 60,
    startTime: '15:00',
    durationMinutes: 120,
    timezone: 'Europe/Rome',
    spokenLanguages: ['it', 'ca', 'en'],
    title: {
      en: 'Care cooperatives and the feminist economy: a Bologna–Santa Coloma exchange',
    },
    summary: {
      en: 'Draft programme, not yet confirmed with the speakers: care workers from Bologna and Santa Coloma compare how they organise fixed neighbourhood teams and respite services.',
    },
    description: {
      en: md(
        'Programme to be confirmed.',
        list('Fixed neighbourhood teams in home care', 'Reserved contracts for care cooperatives', 'Regularising domestic workers'),
      ),
    },
    speakers: [
      { name: 'Giulia Ferraresi', role: { en: 'Worker-member', ca: 'Sòcia treballadora', es: 'Socia trabajadora', el: 'Εργαζόμενο μέλος', fr: 'Membre travailleuse' }, organisation: 'Mani Intrecciate Cooperativa Sociale' },
      { name: 'Laia Soler Roca', role: { en: 'Head of the equality department', ca: 'Cap del departament d’igualtat', es: 'Jefa del departamento de igualdad', el: 'Προϊσταμένη του τμήματος ισότητας', fr: 'Responsable du service de l’égalité' }, organisation: 'Ajuntament de Santa Coloma de Gramenet' },
    ],
    organisers: ['mani-intrecciate', 'ajuntament-de-santa-coloma'],
    topics: ['health-and-care', 'feminist-and-intersectional-perspectives'],
    practices: ['mani-intrecciate-care-cooperative', 'neighbourhood-care-points-santa-coloma'],
    published: false,
  },
];
