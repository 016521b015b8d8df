import type { CallSeed } from '../types';

export const calls: CallSeed[] = [
  {
    slug: 'cost-of-living-crisis-practices',
    opensInDays: -20,
    closesInDays: 40,
    title: {
      en: 'Call for good practices: municipal and SSE responses to the cost-of-living crisis',
      ca: 'Convocatòria de bones pràctiques: respostes municipals i de l’ESS a la crisi del cost de la vida',
      es: 'Convocatoria de buenas prácticas: respuestas municipales y de la ESS a la crisis del coste de la vida',
      el: 'Πρόσκληση για καλές πρακτικές: απαντήσεις δήμων και φορέων ΚΑλΟ στην κρίση του κόστους ζωής',
    },
    description: {
      en: 'Teixit, the municipal network for the solidarity economy, is gathering the practices that member councils and local SSE organisations have set up to face rising food, energy and housing costs. Send a short fiche with the title, the promoting organisations, a brief explanation and a contact person; the technical team will help you complete it. Each municipality may send as many practices as it wishes, and the most transferable ones will be shared through the network’s newsletter and sessions while the call is still open.',
      ca: 'Teixit, la xarxa municipal per l’economia solidària, recull les pràctiques que els ajuntaments membres i les entitats d’ESS del seu territori han posat en marxa davant l’encariment dels aliments, l’energia i l’habitatge. Envieu una fitxa breu amb el títol, les organitzacions impulsores, una explicació curta i una persona de contacte; l’equip tècnic us ajudarà a completar-la. Cada municipi pot presentar tantes pràctiques com vulgui, i les més transferibles es difondran a través del butlletí i de les sessions de la xarxa mentre la convocatòria encara sigui oberta.',
      es: 'Teixit, la red municipal para la economía solidaria, recoge las prácticas que los ayuntamientos miembros y las entidades de ESS de su territorio han puesto en marcha ante el encarecimiento de los alimentos, la energía y la vivienda. Enviad una ficha breve con el título, las organizaciones impulsoras, una explicación corta y una persona de contacto; el equipo técnico os ayudará a completarla. Cada municipio puede presentar tantas prácticas como quiera, y las más transferibles se difundirán a través del boletín y de las sesiones de la red mientras la convocatoria siga abierta.',
      el: 'Το Teixit, το δίκτυο δήμων για την αλληλέγγυα οικονομία, συγκεντρώνει τις πρακτικές που ανέπτυξαν οι δήμοι-μέλη και οι τοπικοί φορείς ΚΑλΟ απέναντι στην ακρίβεια στα τρόφιμα, την ενέργεια και τη στέγαση. Στείλτε μια σύντομη καρτέλα με τον τίτλο, τους φορείς υλοποίησης, μια σύντομη περιγραφή και ένα πρόσωπο επικοινωνίας· η τεχνική ομάδα θα σας βοηθήσει να τη συμπληρώσετε. Κάθε δήμος μπορεί να υποβάλει όσες πρακτικές επιθυμεί, και οι πιο μεταφέρσιμες θα διαδοθούν μέσω του ενημερωτικού δελτίου και των συναντήσεων του δικτύου όσο η πρόσκληση παραμένει ανοιχτή.',
    },
    criteria: {
      en: [
        'Responds to the social, economic or community impact of the cost-of-living crisis',
        'Shows inter-cooperation between municipalities, or between a municipality and the SSE organisations in its area',
        'Uses responsible public procurement and contracting',
        'Involves young people or adopts a feminist and intersectional perspective',
      ],
      ca: [
        'Respon a l’impacte social, econòmic o comunitari de la crisi del cost de la vida',
        'És un exemple d’intercooperació entre municipis, o entre un municipi i les entitats d’ESS del seu territori',
        'Fa servir la compra i la contractació pública responsable',
        'Implica el jovent o adopta una perspectiva feminista i interseccional',
      ],
      es: [
        'Responde al impacto social, económico o comunitario de la crisis del coste de la vida',
        'Es un ejemplo de intercooperación entre municipios, o entre un municipio y las entidades de ESS de su territorio',
        'Utiliza la compra y la contratación pública responsable',
        'Implica a la juventud o adopta una perspectiva feminista e interseccional',
      ],
      el: [
        'Ανταποκρίνεται στις κοινωνικές, οικονομικές ή κοινοτικές επιπτώσεις της κρίσης του κόστους ζωής',
        'Αποτελεί παράδειγμα διασυνεργασίας μεταξύ δήμων ή μεταξύ ενός δήμου και των φορέων ΚΑλΟ της περιοχής του',
        'Αξιοποιεί υπεύθυνες δημόσιες προμήθειες και συμβάσεις',
        'Εμπλέκει νέους ανθρώπους ή υιοθετεί φεμινιστική και διαθεματική οπτική',
      ],
    },
    topics: [
      'food-and-basic-goods',
      'public-policy-and-procurement',
      'youth',
      'feminist-and-intersectional-perspectives',
      'housing',
    ],
  },
  {
    slug: 'local-food-transition-practices',
    opensInDays: -400,
    closesInDays: -340,
    title: {
      en: 'Call for practices: local food systems and the ecological transition',
      ca: 'Convocatòria de pràctiques: sistemes alimentaris locals i transició ecològica',
    },
    description: {
      en: 'Last year’s call invited member councils and their partners to share projects that bring food production closer to residents while cutting waste and emissions. Forty-one fiches were received from twenty-six municipalities; the selected practices were presented at the autumn seminar and are published in this collection.',
      ca: 'La convocatòria de l’any passat va convidar els ajuntaments membres i les seves entitats col·laboradores a compartir projectes que acosten la producció d’aliments al veïnat alhora que redueixen residus i emissions. Es van rebre quaranta-una fitxes de vint-i-sis municipis; les pràctiques seleccionades es van presentar al seminari de tardor i es publiquen en aquest recull.',
    },
    criteria: {
      en: [
        'Shortens the chain between producers and residents',
        'Reduces waste or emissions in a measurable way',
        'Is run jointly by a municipality and SSE organisations',
      ],
      ca: [
        'Escurça la cadena entre productors i veïnat',
        'Redueix residus o emissions de manera mesurable',
        'L’impulsen conjuntament un municipi i entitats d’ESS',
      ],
    },
    topics: ['food-and-basic-goods', 'local-trade-and-value-chains', 'ecological-transition', 'local-production-and-fablabs'],
  },
];
