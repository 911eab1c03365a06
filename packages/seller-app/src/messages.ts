/** The seller app's words, in one place so Urdu and Hindi can follow. One section per part of the app. */
export const messages = {
  appName: 'KupwaraCart Seller',
  auth: {
    subtitle: 'Run your shop from your phone or the counter',
    login: {
      title: 'Sign in to your shop',
      phone: 'Phone number',
      password: 'Password',
      submit: 'Sign in',
      toRegister: 'New shop? Create an account',
    },
    register: {
      title: 'Open your shop on KupwaraCart',
      name: 'Your name',
      submit: 'Create account',
      toLogin: 'Have an account? Sign in',
    },
  },
  tabs: {
    orders: 'Orders',
    inventory: 'Stock',
    insights: 'Sales',
    shop: 'Shop',
    more: 'More',
  },
  shopGate: {
    loading: 'Opening your shop…',
    failed: 'Your shop could not be loaded',
    retry: 'Try again',
  },

  // ── orders: the Orders tab, ringing, accepting and rejecting ──
  orders: {
    title: 'Orders',
  },

  // ── order detail: one order, its lines, rider and receipt ──
  order: {
    title: 'Order',
  },

  // ── shop: setting up and running the shop, hours, busy mode ──
  shop: {
    title: 'Your shop',
    setupTitle: 'Set up your shop',
  },

  // ── inventory: the shop's products ──
  inventory: {
    title: 'Stock',
    add: 'Add product',
    search: 'Search products',
    searchHint: 'Name of a product',
    all: 'All',
    noCategory: 'No category',
    failed: 'Could not load your products',
    retry: 'Try again',
    empty: 'No products yet',
    emptyHint: 'Add what you sell, with its price and stock.',
    noMatch: 'Nothing matches',
    noMatchHint: 'Try another name or shelf.',
    loadingMore: 'Loading more products…',
    waiting: 'Not sent yet',
    hidden: 'Hidden',
    inStock: 'In stock',
    outOfStock: 'Out of stock',
    inStockOf: (name: string) => `${name} in stock`,
    edit: (name: string) => `Edit ${name}`,
    less: (name: string) => `One less ${name}`,
    more: (name: string) => `One more ${name}`,
    count: (name: string, stock: number) => `Stock of ${name}: ${stock}. Change`,
    countTitle: (name: string) => `Stock of ${name}`,
    stock: 'How many in stock',
    badCount: 'A whole number, 0 or more',
    save: 'Save',
    notSaved: (name: string) => `${name}: your change was not saved`,
    discard: 'Give it up',
    conflictToast: (name: string) => `${name} was changed on another device: check your change`,
    conflict: {
      title: (name: string) => `${name} changed meanwhile`,
      explain: 'Your change was not saved: the product was changed on another device or by an order.',
      mine: 'Your change',
      theirs: 'Saved now',
      applyMine: 'Apply mine again',
      keepTheirs: 'Keep the saved one',
      shown: 'Shown',
      hidden: 'Hidden',
      field: {
        name: 'Name',
        category_id: 'Category',
        unit: 'Unit',
        price_paise: 'Price',
        mrp_paise: 'MRP',
        stock: 'Stock',
        is_available: 'Stock state',
        is_visible: 'In the shop',
        description: 'Description',
      },
    },
    editor: {
      newTitle: 'New product',
      editTitle: 'Edit product',
      notFound: 'This product is not in your shop',
      back: 'Back to inventory',
      thisProduct: 'This product',
      fields: {
        name: 'Name',
        category: 'Category',
        unit: 'Unit',
        price: 'Price (₹)',
        mrp: 'MRP (₹)',
        stock: 'Stock',
      },
      unitHint: '1 kg, 500 ml, 1 piece',
      mrpHint: 'Same as the price',
      noCategory: 'None',
      visible: 'In the shop',
      hiddenFromCustomers: 'Hidden',
      visibleLabel: 'Shown in the shop',
      save: 'Save changes',
      create: 'Add product',
      createOffline: 'Adding a product needs the network: edits of products work offline.',
      created: (name: string) => `${name} added: now add a photo`,
      photos: 'Photos',
      noPhotos: 'No photo yet: customers buy more of what they can see.',
      photoOf: (name: string) => `Photo of ${name}`,
      camera: 'Take a photo',
      gallery: 'From the gallery',
      uploading: 'Uploading',
      uploadFailed: 'The photo could not be uploaded: try again',
      photosOffline: 'Photos are uploaded when you are online.',
      errors: {
        required: 'Needed',
        badMoney: 'An amount in rupees, such as 120 or 120.50',
        mrpBelowPrice: 'At least the price',
        badCount: 'A whole number, 0 or more',
      },
    },
  },

  // ── insights: analytics ──
  insights: {
    title: 'Insights',
  },

  // ── more: profile, notifications, sign out ──
  more: {
    title: 'More',
  },
  notifications: {
    title: 'Notifications',
    empty: 'Nothing yet',
    emptyHint: 'New orders and updates about them appear here.',
  },
};
