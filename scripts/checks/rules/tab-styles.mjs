// Custom tabs use a documented tab style and show something that exists.
//
// Metadata API Developer Guide, CustomTab (API 67.0,
// https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_tab.htm):
// - motif: "Required. The tab style for the color scheme and icon for the custom tab … Valid Values for this
//   field are: Custom1:Heart, … Custom100:TVWidescreen" — the list below, copied in order. The guide writes
//   the names without spaces ("Custom25:Alarmclock") and its own sample uses "Custom53: Bell", and Salesforce
//   CLI's `sf schema generate tab` writes "Custom25: Alarm clock": a motif matches when its number and its
//   name agree with the list, ignoring case and white space.
// - "Only one of these fields can have a value set: auraComponent, customObject, flexiPage, lwcComponent,
//   page, scontrol, url."
// - customObject: "If set to true, the name of the tab matches the name of the custom object"; the object must
//   be one the project defines. flexiPage, lwcComponent and page name a Lightning page, a Lightning web
//   component and a Visualforce page of the project.
import { textOf } from '../xml.mjs';

const MOTIFS = [
    'Heart',
    'Fan',
    'Sun',
    'Hexagon',
    'Leaf',
    'Triangle',
    'Square',
    'Diamond',
    'Lightning',
    'Moon',
    'Star',
    'Circle',
    'Box',
    'Hands',
    'People',
    'Bank',
    'Sack',
    'Form',
    'Wrench',
    'Airplane',
    'Computer',
    'Telephone',
    'Envelope',
    'Building',
    'Alarmclock',
    'Flag',
    'Laptop',
    'Cellphone',
    'PDA',
    'Radardish',
    'Car',
    'Factory',
    'Desk',
    'Insect',
    'Microphone',
    'Train',
    'Bridge',
    'Camera',
    'Telescope',
    'Creditcard',
    'Cash',
    'Treasurechest',
    'Jewel',
    'Hammer',
    'Ticket',
    'Stamp',
    'Knight',
    'Trophy',
    'CD/DVD',
    'Bigtop',
    'Apple',
    'Balls',
    'Bell',
    'Boat',
    'Books',
    'Bottle',
    'BuildingBlock',
    'Caduceus',
    'Can',
    'Umbrella',
    'Castle',
    'Chalkboard',
    'Chip',
    'Compass',
    'Cup',
    'Dice',
    'Gears',
    'Globe',
    'Guitar',
    'Handsaw',
    'Headset',
    'Helicopter',
    'HighwaySign',
    'HotAirBalloon',
    'IPPhone',
    'Keys',
    'Locked',
    'Map',
    'MeasuringTape',
    'Motorcycle',
    'MusicalNote',
    'Whistle',
    'Pencil',
    'Presenter',
    'RealEstateSign',
    'RedCross',
    'Safe',
    'Sailboat',
    'Saxophone',
    'Scales',
    'Shield',
    'Ship',
    'ShoppingCart',
    'Stethoscope',
    'Stopwatch',
    'StreetSign',
    'Thermometer',
    'Truck',
    'TVCRT',
    'TVWidescreen'
];

/** The documented style "CustomN: Name" for N = 1 … 100. */
export const TAB_STYLES = MOTIFS.map((name, i) => `Custom${i + 1}: ${name}`);

const squash = (text) => text.replace(/\s+/g, '').toLowerCase();

/** True when the motif is a documented tab style (number and name agree, case and spaces aside). */
export function isTabStyle(motif) {
    const match = /^\s*Custom(\d+)\s*:\s*(.+?)\s*$/.exec(motif ?? '');
    if (!match) {
        return false;
    }
    const name = MOTIFS[Number(match[1]) - 1];
    return name !== undefined && squash(name) === squash(match[2]);
}

const CONTENT = ['auraComponent', 'customObject', 'flexiPage', 'lwcComponent', 'page', 'scontrol', 'url'];

export default {
    name: 'tab-styles',
    group: 'metadata',
    description:
        'custom tabs have a motif from the documented tab styles (Custom1: Heart … Custom100: TVWidescreen, number and name agreeing), show exactly one thing, and that thing exists: an object tab is named after an object the project defines, a Lightning page, LWC or Visualforce tab names one of the project',
    check(model, report) {
        for (const [name, file] of model.tabs) {
            const tab = model.root(file, 'CustomTab');
            if (!tab) {
                continue;
            }
            const motif = textOf(tab, 'motif');
            if (motif === undefined) {
                report(file, `tab ${name} has no motif (tab style)`);
            } else if (!isTabStyle(motif)) {
                const number = /^\s*Custom(\d+)\s*:/.exec(motif)?.[1];
                const expected =
                    number && MOTIFS[Number(number) - 1]
                        ? `; Custom${number} is "${TAB_STYLES[Number(number) - 1]}"`
                        : '';
                report(file, `tab ${name}: motif "${motif}" is not a documented tab style${expected}`);
            }
            const set = CONTENT.filter((element) => {
                const value = textOf(tab, element);
                return element === 'customObject' ? value === 'true' : value !== undefined && value !== '';
            });
            if (set.length !== 1) {
                report(
                    file,
                    `tab ${name} must show exactly one of ${CONTENT.join(', ')}; it sets ${set.length ? set.join(', ') : 'none'}`
                );
                continue;
            }
            const [kind] = set;
            const target = textOf(tab, kind);
            if (kind === 'customObject' && !model.object(name)?.defined) {
                report(file, `tab ${name} is an object tab, but the project defines no object ${name}`);
            } else if (kind === 'flexiPage' && !model.flexipages.has(target)) {
                report(file, `tab ${name} shows Lightning page ${target}, which does not exist`);
            } else if (kind === 'lwcComponent' && !model.bundles.has(target.replace(/^c:/, ''))) {
                report(file, `tab ${name} shows Lightning web component ${target}, which does not exist`);
            } else if (kind === 'page' && !model.pages.has(target)) {
                report(file, `tab ${name} shows Visualforce page ${target}, which does not exist`);
            }
        }
    }
};
