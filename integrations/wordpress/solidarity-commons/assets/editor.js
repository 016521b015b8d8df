/**
 * Solidarity Commons blocks for the block editor: plain JavaScript (no build step), one block per
 * widget, registered from the table the plugin prints before this script (window.solidarityCommons,
 * from includes/blocks.php). The sidebar offers the app's embed builder filters, with the network's
 * real topics, countries, organisations, calls and practices read from its public API (CORS open,
 * no credentials); the block previews the real widget. The block saves nothing but its attributes:
 * PHP renders the element (a dynamic block), so the post content is the block comment alone.
 *
 * @license GPL-2.0-or-later
 */
( function ( wp, config ) {
	'use strict';
	if ( ! wp || ! config ) {
		return;
	}
	var el = wp.element.createElement;
	var useState = wp.element.useState;
	var useEffect = wp.element.useEffect;
	var __ = wp.i18n.__;
	var sprintf = wp.i18n.sprintf;
	var blockEditor = wp.blockEditor;
	var components = wp.components;

	/** Public API answers already read, by URL (shared by every block of the page). */
	var cache = {};

	/**
	 * Reads `path` of the network's public API (`/api/solidarity` + path) with `params`; resolves to
	 * its `data` (an array or an object), [] on any error.
	 */
	function readApi( path, params ) {
		var query = new URLSearchParams();
		Object.keys( params ).forEach( function ( k ) {
			if ( params[ k ] !== '' && params[ k ] !== undefined ) {
				query.set( k, String( params[ k ] ) );
			}
		} );
		var url = config.networkUrl + '/api/solidarity' + path + '?' + query.toString();
		if ( ! cache[ url ] ) {
			cache[ url ] = fetch( url, { credentials: 'omit' } )
				.then( function ( res ) {
					if ( ! res.ok ) {
						throw new Error( String( res.status ) );
					}
					return res.json();
				} )
				.then( function ( body ) {
					return body && body.data ? body.data : [];
				} )
				.catch( function () {
					delete cache[ url ];
					return [];
				} );
		}
		return cache[ url ];
	}

	/** React hook: the API's data for `path` and `params` (null while loading). */
	function useApi( path, params, enabled ) {
		var key = path + JSON.stringify( params );
		var state = useState( { key: '', data: null } );
		useEffect(
			function () {
				if ( ! enabled || ! config.networkUrl ) {
					return undefined;
				}
				var live = true;
				readApi( path, params ).then( function ( data ) {
					if ( live ) {
						state[ 1 ]( { key: key, data: data } );
					}
				} );
				return function () {
					live = false;
				};
			},
			[ key, enabled ]
		);
		return state[ 0 ].key === key ? state[ 0 ].data : null;
	}

	/**
	 * The slug of the practice named `slug` in locale `from`, in locale `to`: slugs are localized and
	 * unique per locale only (the English slug may name another practice in Catalan), so the block's
	 * practice is found by its slug in the language it was chosen in, read again by its documentId in
	 * the new one, and named by that locale's slug; it keeps its slug when it has no text there (the
	 * API's answer is then a fallback, `localeFallback`) or cannot be read. The embed builder's rule
	 * (cms/admin/src/embed/snippet.ts `practiceSlugIn`).
	 */
	function slugIn( slug, from, to ) {
		return readApi( '/practices/' + encodeURIComponent( slug ), { locale: from } )
			.then( function ( doc ) {
				return doc && doc.documentId && from !== to ? readApi( '/practices/' + encodeURIComponent( doc.documentId ), { locale: to } ) : null;
			} )
			.then( function ( doc ) {
				return doc && typeof doc.slug === 'string' && doc.slug && ! doc.localeFallback ? doc.slug : slug;
			} );
	}

	/** Options of a select: "Any" first, then the values; keeps a chosen value the list lacks. */
	function options( items, current, noneLabel ) {
		var out = [ { value: '', label: noneLabel } ].concat( items );
		if ( current && ! items.some( function ( o ) { return o.value === current; } ) ) {
			out.push( { value: current, label: current } );
		}
		return out;
	}

	/** `{ value, label, count }` facet entries as select options ("Label (3)"). */
	function facetOptions( list ) {
		return ( Array.isArray( list ) ? list : [] ).map( function ( f ) {
			return { value: String( f.value ), label: f.count !== undefined ? f.label + ' (' + f.count + ')' : f.label };
		} );
	}

	/** Topics, organisations, calls or practices of a list answer as select options. */
	function docOptions( list ) {
		return ( Array.isArray( list ) ? list : [] )
			.filter( function ( d ) { return d && d.slug; } )
			.map( function ( d ) { return { value: d.slug, label: d.name || d.title || d.slug }; } );
	}

	/** The element's attributes of the block's (camelCase → kebab-case, empty and default values left out). */
	function elementAttributes( attributes ) {
		var out = {};
		Object.keys( attributes ).forEach( function ( name ) {
			var v = attributes[ name ];
			if ( v === '' || v === undefined || v === null || name === 'className' ) {
				return;
			}
			if ( name === 'pageSize' && Number( v ) === config.defaultPageSize ) {
				return;
			}
			if ( name === 'layout' && v === 'list' ) {
				return;
			}
			out[ name.replace( /([a-z])([A-Z])/g, '$1-$2' ).toLowerCase() ] = String( v );
		} );
		return out;
	}

	function select( label, value, opts, onChange ) {
		return el( components.SelectControl, { label: label, value: value || '', options: opts, onChange: onChange } );
	}

	/** The sidebar's filter fields of one widget. */
	function Filters( props ) {
		var widget = props.widget;
		var a = props.attributes;
		var set = props.setAttributes;
		var has = function ( name ) { return Object.prototype.hasOwnProperty.call( config.widgets[ widget ].attributes, name ); };
		// the block's practice now (a renaming answered after another practice was picked is dropped)
		var currentSlug = wp.element.useRef( a.slug );
		currentSlug.current = a.slug;
		var pageLocale = document.documentElement.lang.split( '-' )[ 0 ] || 'en';
		var locale = a.locale || pageLocale;
		var any = __( 'Any', 'solidarity-commons' );
		var isPractices = widget === 'practices';

		// Practices: the facets of the current filter (with counts); other widgets: plain lists.
		var facets = useApi(
			'/facets/practices',
			{ locale: locale, topic: a.topic, country: a.country, organisation: a.organisation, call: a.call, criteria: a.criteria },
			isPractices
		);
		var topics = useApi( '/topics', { locale: locale, pageSize: 50, sort: 'name:asc' }, ! isPractices && has( 'topic' ) );
		var organisations = useApi( '/organisations', { locale: locale, pageSize: 50, sort: 'name:asc' }, ! isPractices && has( 'organisation' ) );
		var calls = useApi( '/calls', { locale: locale, pageSize: 50 }, ! isPractices && has( 'call' ) );
		var searchState = useState( '' );
		var found = useApi( '/practices', { locale: locale, pageSize: 20, q: searchState[ 0 ].trim() }, has( 'slug' ) );

		var fields = [];
		fields.push(
			select( __( 'Language', 'solidarity-commons' ), a.locale, [ { value: '', label: __( 'The page’s language (automatic)', 'solidarity-commons' ) } ].concat( config.locales ), function ( v ) {
				set( { locale: v } );
				// one practice: named by the new language's slug
				if ( has( 'slug' ) && a.slug ) {
					var chosen = a.slug;
					slugIn( chosen, locale, v || pageLocale ).then( function ( slug ) {
						if ( slug !== chosen && currentSlug.current === chosen ) {
							set( { slug: slug } );
						}
					} );
				}
			} )
		);
		if ( has( 'slug' ) ) {
			fields.push( el( components.TextControl, { label: __( 'Find a practice', 'solidarity-commons' ), placeholder: __( 'Words of its title or text', 'solidarity-commons' ), value: searchState[ 0 ], onChange: searchState[ 1 ] } ) );
			fields.push( select( __( 'Practice', 'solidarity-commons' ), a.slug, options( docOptions( found ), a.slug, __( 'Choose a practice', 'solidarity-commons' ) ), function ( v ) { set( { slug: v } ); } ) );
		}
		if ( has( 'topic' ) ) {
			fields.push( select( __( 'Topic', 'solidarity-commons' ), a.topic, options( isPractices ? facetOptions( facets && facets.topics ) : docOptions( topics ), a.topic, any ), function ( v ) { set( { topic: v } ); } ) );
		}
		if ( has( 'country' ) ) {
			fields.push( select( __( 'Country', 'solidarity-commons' ), a.country, options( facetOptions( facets && facets.countries ), a.country, any ), function ( v ) { set( { country: v } ); } ) );
		}
		if ( has( 'organisation' ) ) {
			fields.push( select( __( 'Organisation', 'solidarity-commons' ), a.organisation, options( isPractices ? facetOptions( facets && facets.organisations ) : docOptions( organisations ), a.organisation, any ), function ( v ) { set( { organisation: v } ); } ) );
		}
		if ( has( 'call' ) ) {
			fields.push( select( __( 'Call for practices', 'solidarity-commons' ), a.call, options( isPractices ? facetOptions( facets && facets.calls ) : docOptions( calls ), a.call, any ), function ( v ) { set( { call: v } ); } ) );
		}
		if ( has( 'criteria' ) ) {
			fields.push( select( __( 'Criteria', 'solidarity-commons' ), a.criteria, options( config.criteria, a.criteria, any ), function ( v ) { set( { criteria: v } ); } ) );
		}
		if ( has( 'kind' ) ) {
			fields.push( select( __( 'Kind', 'solidarity-commons' ), a.kind, options( widget === 'sessions' ? config.sessionKinds : config.statementKinds, a.kind, any ), function ( v ) { set( { kind: v } ); } ) );
		}
		if ( has( 'when' ) ) {
			fields.push(
				select( __( 'Sessions', 'solidarity-commons' ), a.when, [ { value: 'upcoming', label: __( 'Upcoming', 'solidarity-commons' ) }, { value: 'past', label: __( 'Past', 'solidarity-commons' ) } ], function ( v ) { set( { when: v } ); } )
			);
		}
		if ( has( 'q' ) ) {
			fields.push( el( components.TextControl, { label: __( 'Search words', 'solidarity-commons' ), help: __( 'Only items matching these words.', 'solidarity-commons' ), value: a.q || '', onChange: function ( v ) { set( { q: v } ); } } ) );
		}
		if ( has( 'layout' ) ) {
			fields.push(
				select( __( 'Layout', 'solidarity-commons' ), a.layout || 'list', [ { value: 'list', label: __( 'List', 'solidarity-commons' ) }, { value: 'grid', label: __( 'Grid', 'solidarity-commons' ) } ], function ( v ) { set( { layout: v === 'list' ? '' : v } ); } )
			);
		}
		if ( has( 'pageSize' ) ) {
			fields.push( el( components.RangeControl, { label: __( 'Items per page', 'solidarity-commons' ), min: 1, max: config.maxPageSize, value: a.pageSize || config.defaultPageSize, onChange: function ( v ) { set( { pageSize: Number( v ) || config.defaultPageSize } ); } } ) );
		}
		if ( has( 'controls' ) ) {
			var chosen = ( a.controls || '' ).split( ',' ).filter( Boolean );
			var labels = { topic: __( 'Topic filter', 'solidarity-commons' ), country: __( 'Country filter', 'solidarity-commons' ), organisation: __( 'Organisation filter', 'solidarity-commons' ), call: __( 'Call filter', 'solidarity-commons' ), search: __( 'Search box', 'solidarity-commons' ) };
			fields.push( el( 'p', { key: 'controls-label', className: 'components-base-control__label' }, __( 'Filters visitors can use', 'solidarity-commons' ) ) );
			Object.keys( labels ).forEach( function ( c ) {
				fields.push(
					el( components.CheckboxControl, {
						key: 'control-' + c,
						label: labels[ c ],
						checked: chosen.indexOf( c ) !== -1,
						onChange: function ( on ) {
							var next = Object.keys( labels ).filter( function ( x ) { return x === c ? on : chosen.indexOf( x ) !== -1; } );
							set( { controls: next.join( ',' ) } );
						},
					} )
				);
			} );
		}
		if ( has( 'privacyUrl' ) ) {
			fields.push( el( components.TextControl, { type: 'url', label: __( 'Privacy notice (address)', 'solidarity-commons' ), help: __( 'Linked beside the consent checkbox of the form.', 'solidarity-commons' ), value: a.privacyUrl || '', onChange: function ( v ) { set( { privacyUrl: v } ); } } ) );
		}
		return el( components.PanelBody, { title: __( 'Filters', 'solidarity-commons' ), initialOpen: true }, fields.map( function ( f, i ) { return f.key ? f : el( 'div', { key: i }, f ); } ) );
	}

	Object.keys( config.widgets ).forEach( function ( widget ) {
		var def = config.widgets[ widget ];
		wp.blocks.registerBlockType( def.name, {
			apiVersion: 2,
			title: def.title,
			description: def.description,
			category: 'embed',
			icon: 'groups',
			keywords: [ 'solidarity', 'commons', 'sse' ],
			attributes: def.attributes,
			supports: { html: false, align: [ 'wide', 'full' ] },
			edit: function ( props ) {
				var blockProps = blockEditor.useBlockProps();
				var body;
				if ( ! config.networkUrl ) {
					body = el(
						components.Placeholder,
						{ icon: 'groups', label: def.title },
						config.settingsUrl
							? el( 'a', { href: config.settingsUrl }, __( 'Set the network’s address in Settings → Solidarity Commons.', 'solidarity-commons' ) )
							: __( 'Ask an administrator to set the network’s address in Settings → Solidarity Commons.', 'solidarity-commons' )
					);
				} else if ( widget === 'practice' && ! props.attributes.slug ) {
					body = el( components.Placeholder, { icon: 'groups', label: def.title }, __( 'Pick a practice in the block’s settings.', 'solidarity-commons' ) );
				} else {
					// The real widget, as visitors will see it (the bundle is loaded in the editor).
					body = el( def.tag, Object.assign( { key: JSON.stringify( props.attributes ) }, elementAttributes( props.attributes ) ) );
				}
				return el(
					'div',
					blockProps,
					el( blockEditor.InspectorControls, null, el( Filters, { widget: widget, attributes: props.attributes, setAttributes: props.setAttributes } ) ),
					el( 'div', { className: 'solidarity-commons-block-label', style: { fontSize: '12px', opacity: 0.7 } }, sprintf( /* translators: %s: the widget's name */ __( 'Solidarity Commons: %s', 'solidarity-commons' ), def.title ) ),
					body
				);
			},
			save: function () {
				return null;
			},
		} );
	} );
} )( window.wp, window.solidarityCommons );
